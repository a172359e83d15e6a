import { fitEtsModel } from '../ets/fit-model'
import { deseasonalise } from '../seasonality/deseasonalise'

/**
 * The Theta method with everything estimated once, on a training part: the seasonal indices,
 * SES's α and initial level, and the trend's slope. From any later origin it runs SES through
 * the (seasonally adjusted) history before it and extrapolates with the fixed drift — the
 * statistical companion of a network, which likewise is trained once and reads what comes
 * before its origin. Fitted and forecast at the end of the same data, it is M4's Theta
 * (`thetaForecast`, theta.ts, which documents the method).
 */
export interface FixedTheta {
  period: number
  /** Multiplicative seasonal index per position in the season from the first point (all 1: not seasonal). */
  indices: number[]
  alpha: number
  initialLevel: number
  /** Slope of the line through the adjusted training part, per step. */
  slope: number
  /** The training part never went below 0: forecasts are floored at 0, as `thetaForecast` does. */
  nonNegative: boolean
}

/** SES needs more than 6 points to fit α and ℓ0; below that α = 1 (naive), as `thetaForecast`. */
const SES_MIN_POINTS = 7

export function fitFixedTheta(values: ArrayLike<number>, period: number): FixedTheta {
  const adjustment = deseasonalise(values, period)
  const y = adjustment.adjusted
  let alpha = 1
  let initialLevel = y[0]
  if (y.length >= SES_MIN_POINTS) {
    const fit = fitEtsModel(y, { error: 'A', trend: 'N', season: 'N' }, 1)
    alpha = Math.max(1e-10, fit.params.alpha)
    initialLevel = fit.initialState[0]
  }
  let nonNegative = true
  for (let i = 0; i < values.length; i++) if (values[i] < 0) nonNegative = false
  return {
    period,
    indices: Array.from(adjustment.indices),
    alpha,
    initialLevel,
    slope: leastSquaresSlope(y),
    nonNegative,
  }
}

/** SES's level of the seasonally adjusted history after its last point. */
export function thetaLevel(model: FixedTheta, history: ArrayLike<number>): number {
  const { indices, period, alpha } = model
  let level = model.initialLevel
  for (let t = 0; t < history.length; t++) level += alpha * (history[t] / indices[t % period] - level)
  return level
}

export function fixedThetaForecast(model: FixedTheta, history: ArrayLike<number>, h: number): Float64Array {
  const { indices, period, alpha, slope } = model
  const n = history.length
  const level = thetaLevel(model, history)
  const correction = (1 - (1 - alpha) ** n) / alpha
  return Float64Array.from({ length: h }, (_, k) => {
    const f = (level + (slope / 2) * (k + correction)) * indices[(n + k) % period]
    return model.nonNegative ? Math.max(0, f) : f
  })
}

/** Throws a RangeError naming what is wrong with a companion read from a model file. */
export function checkFixedTheta(value: unknown): asserts value is FixedTheta {
  const model = value as Partial<FixedTheta> | null
  if (!model || !Number.isInteger(model.period) || model.period! < 1)
    throw new RangeError('the Theta companion has no seasonal period')
  const indices = model.indices
  if (!Array.isArray(indices) || indices.length !== model.period || !indices.every((i) => i > 0))
    throw new RangeError(`the Theta companion needs ${model.period} positive seasonal indices`)
  for (const key of ['alpha', 'initialLevel', 'slope'] as const)
    if (!Number.isFinite(model[key])) throw new RangeError(`the Theta companion's ${key} is not a number`)
  if (!(model.alpha! > 0 && model.alpha! <= 1))
    throw new RangeError("the Theta companion's alpha is outside (0, 1]")
  if (typeof model.nonNegative !== 'boolean')
    throw new RangeError('the Theta companion does not say if it is floored')
}

/** Slope of the ordinary least-squares line through (t, y_t), t = 0…n−1; 0 for one point. */
export function leastSquaresSlope(y: ArrayLike<number>): number {
  const n = y.length
  if (n < 2) return 0
  const meanT = (n - 1) / 2
  let meanY = 0
  for (let t = 0; t < n; t++) meanY += y[t] / n
  let sxy = 0
  let sxx = 0
  for (let t = 0; t < n; t++) {
    sxy += (t - meanT) * (y[t] - meanY)
    sxx += (t - meanT) ** 2
  }
  return sxy / sxx
}
