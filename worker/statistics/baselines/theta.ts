import { fitEtsModel } from '../ets/fit-model'
import { deseasonalise, reseasonalise } from '../seasonality/deseasonalise'
import { checkForecastInput } from './naive2'

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000, M3's winner), in the form M4's benchmark
 * and R's forecast::thetaf compute it (Hyndman & Billah 2003 showed the two equal): on the
 * seasonally adjusted series, simple exponential smoothing with α and the initial level fitted by
 * least squares, plus a drift of half the slope b of the linear trend through the series:
 *   f_k = ℓ_n + (b/2) · (k − 1 + (1 − (1 − α)^n) / α),   k = 1…h,
 * the correction term being how far SES's level lags behind a linear trend. Then reseasonalised.
 */

export interface ThetaFit {
  forecast: Float64Array
  alpha: number
  /** Level of the adjusted series after the last point. */
  level: number
  /** Slope of the least-squares line through the adjusted series (per step). */
  slope: number
  seasonal: boolean
}

/** SES (ETS(A,N,N)) needs more than 6 points to fit α and ℓ0; below that α = 1 (naive) is used. */
const SES_MIN_POINTS = 7

export function thetaFit(values: ArrayLike<number>, period: number, horizon: number): ThetaFit {
  checkForecastInput(values, horizon, 'thetaForecast')
  const adjustment = deseasonalise(values, period)
  const y = adjustment.adjusted
  const n = y.length
  const { alpha, level } = sesLevel(y)
  const slope = leastSquaresSlope(y)
  const correction = (1 - (1 - alpha) ** n) / alpha
  const forecast = new Float64Array(horizon)
  for (let k = 0; k < horizon; k++) forecast[k] = level + (slope / 2) * (k + correction)
  reseasonalise(adjustment, forecast)
  // M4's benchmark sets negative forecasts of its (positive) data to 0; we do it only for series
  // that never went below 0, where a negative forecast cannot be right.
  if (allNonNegative(values)) for (let k = 0; k < horizon; k++) forecast[k] = Math.max(0, forecast[k])
  return { forecast, alpha, level, slope, seasonal: adjustment.seasonal }
}

export function thetaForecast(values: ArrayLike<number>, period: number, horizon: number): Float64Array {
  return thetaFit(values, period, horizon).forecast
}

function sesLevel(y: Float64Array): { alpha: number; level: number } {
  if (y.length < SES_MIN_POINTS) return { alpha: 1, level: y[y.length - 1] }
  const fit = fitEtsModel(y, { error: 'A', trend: 'N', season: 'N' }, 1)
  // thetaf's floor: α → 0 would divide by zero in the correction term.
  return { alpha: Math.max(1e-10, fit.params.alpha), level: fit.finalState[0] }
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

function allNonNegative(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] < 0) return false
  return true
}
