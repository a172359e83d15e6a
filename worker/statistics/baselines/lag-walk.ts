import { zForLevel } from '../stats/normal'
import { DEFAULT_LEVELS, type Forecast, type PredictionInterval } from '../types'

/**
 * Naive, seasonal naive and drift forecasts, which R's forecast package builds from one "lag walk":
 * ŷ_{n+k} = y_{n+k−lag·ceil(k/lag)} + steps_k·b with steps_k = ceil(k/lag) full periods ahead.
 * Intervals follow forecast::lagwalk: se_k = sqrt(mse·steps_k + (steps_k·se_b)²) with
 * mse = mean of squared in-sample residuals and normal quantiles.
 */

interface LagWalkOptions {
  lag: number
  drift: boolean
  levels?: readonly number[]
}

/**
 * The point forecast repeats the last `lag` values, so that many are enough; intervals need at
 * least one lag difference to measure the residual variance on (R gives NaN bands there instead),
 * and so does a drift.
 * A panel series whose training part is a single point still gets its naive forecast judged.
 */
function checkHistory(y: ArrayLike<number>, lag: number, name: string, differencesFor: string | null): void {
  if (!Number.isInteger(lag) || lag < 1)
    throw new RangeError(`${name}: lag must be a positive integer, got ${lag}`)
  if (y.length < lag) throw new RangeError(`${name}: needs at least ${lag} observations, got ${y.length}`)
  if (differencesFor && y.length === lag)
    throw new RangeError(
      `${name}: needs more than ${lag} observations for ${differencesFor}, got ${y.length}`,
    )
}

function lagDifferences(y: ArrayLike<number>, lag: number): Float64Array {
  const d = new Float64Array(y.length - lag)
  for (let t = lag; t < y.length; t++) d[t - lag] = y[t] - y[t - lag]
  return d
}

function mean(values: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i]
  return sum / values.length
}

/** Drift slope b and its standard error, as lm(diff(y, lag) ~ 1) reports them. */
function driftEstimate(d: Float64Array): { slope: number; slopeSe: number } {
  const slope = mean(d)
  if (d.length < 2) return { slope, slopeSe: 0 }
  let ss = 0
  for (const v of d) ss += (v - slope) ** 2
  return { slope, slopeSe: Math.sqrt(ss / (d.length - 1) / d.length) }
}

function lagWalk(y: ArrayLike<number>, h: number, options: LagWalkOptions, method: string): Forecast {
  const { lag, drift } = options
  const levels = options.levels ?? DEFAULT_LEVELS
  checkHistory(y, lag, method, drift ? 'a drift' : levels.length > 0 ? 'intervals' : null)
  const d = lagDifferences(y, lag)
  const { slope, slopeSe } = drift ? driftEstimate(d) : { slope: 0, slopeSe: 0 }
  // In-sample residuals are the lag differences minus the fitted drift.
  let mse = 0
  for (const v of d) mse += (v - slope) ** 2
  mse /= d.length

  const n = y.length
  const meanForecast = new Float64Array(h)
  const se = new Float64Array(h)
  for (let k = 1; k <= h; k++) {
    const steps = Math.ceil(k / lag)
    meanForecast[k - 1] = y[n - lag + ((k - 1) % lag)] + steps * slope
    se[k - 1] = Math.sqrt(mse * steps + (steps * slopeSe) ** 2)
  }
  return {
    mean: meanForecast,
    intervals: normalIntervals(meanForecast, se, levels),
    method,
  }
}

/** mean ± z·se for each level. */
export function normalIntervals(
  center: Float64Array,
  se: ArrayLike<number>,
  levels: readonly number[],
): PredictionInterval[] {
  return levels.map((level) => {
    const z = zForLevel(level)
    const lower = new Float64Array(center.length)
    const upper = new Float64Array(center.length)
    for (let i = 0; i < center.length; i++) {
      lower[i] = center[i] - z * se[i]
      upper[i] = center[i] + z * se[i]
    }
    return { level, lower, upper }
  })
}

/** Random walk: the last value repeated (R's naive()). */
export function naiveForecast(y: ArrayLike<number>, h: number, levels?: readonly number[]): Forecast {
  return lagWalk(y, h, { lag: 1, drift: false, levels }, 'Naive')
}

/** The value one season earlier (R's snaive()); m = 1 degenerates to naive. */
export function seasonalNaiveForecast(
  y: ArrayLike<number>,
  h: number,
  m: number,
  levels?: readonly number[],
): Forecast {
  return lagWalk(y, h, { lag: m, drift: false, levels }, `Seasonal naive[${m}]`)
}

/** Random walk with drift: the line through the first and last observation, extended (R's rwf(drift = TRUE)). */
export function driftForecast(y: ArrayLike<number>, h: number, levels?: readonly number[]): Forecast {
  return lagWalk(y, h, { lag: 1, drift: true, levels }, 'Drift')
}
