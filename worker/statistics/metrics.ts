/**
 * Point and interval accuracy measures, defined exactly as in resources/samples/README.md so that
 * our figures are comparable with R forecast's: MASE is scaled by the in-sample seasonal-naive MAE
 * (m = 1 for annual data), sMAPE is in percent with |y| + |f| in the denominator.
 */

export interface IntervalBand {
  level: number
  lower: ArrayLike<number>
  upper: ArrayLike<number>
}

export interface ForecastMetrics {
  mae: number
  rmse: number
  /** null when an actual is (near) zero: the percentage error is then meaningless. */
  mape: number | null
  smape: number
  /** null when the training part is too short or constant so the scale is 0. */
  mase: number | null
  /** The in-sample seasonal-naive MAE used as the MASE denominator. */
  maseScale: number
  /** Share of actuals inside each interval, keyed by level (80, 95, ...). */
  coverage: Record<number, number>
  /**
   * Each interval's scaled interval score (MSIS, scaledIntervalScore), keyed by level; a level is
   * missing when the MASE scale is 0 (absent in results saved before it was recorded).
   */
  intervalScore?: Record<number, number>
  notes: string[]
}

function checkSameLength(actual: ArrayLike<number>, forecast: ArrayLike<number>): void {
  if (actual.length !== forecast.length || actual.length === 0) {
    throw new RangeError(
      `metrics: need equal, non-empty lengths (actual ${actual.length}, forecast ${forecast.length})`,
    )
  }
}

export function mae(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  checkSameLength(actual, forecast)
  let sum = 0
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i])
  return sum / actual.length
}

export function rmse(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  checkSameLength(actual, forecast)
  let sum = 0
  for (let i = 0; i < actual.length; i++) sum += (actual[i] - forecast[i]) ** 2
  return Math.sqrt(sum / actual.length)
}

/** Relative size under which an actual counts as zero for MAPE. */
const NEAR_ZERO = 1e-8

/** MAPE in percent, or null when some |actual| is below 1e-8 · mean|actual| (or all are zero). */
export function mape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number | null {
  checkSameLength(actual, forecast)
  let meanAbs = 0
  for (let i = 0; i < actual.length; i++) meanAbs += Math.abs(actual[i]) / actual.length
  let sum = 0
  for (let i = 0; i < actual.length; i++) {
    if (Math.abs(actual[i]) <= NEAR_ZERO * meanAbs || meanAbs === 0) return null
    sum += Math.abs((actual[i] - forecast[i]) / actual[i])
  }
  return (100 * sum) / actual.length
}

/** sMAPE (%) = 100 · mean(2|e| / (|y| + |f|)); a point where y = f = 0 contributes 0. */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  checkSameLength(actual, forecast)
  let sum = 0
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]) + Math.abs(forecast[i])
    if (denominator > 0) sum += (2 * Math.abs(actual[i] - forecast[i])) / denominator
  }
  return (100 * sum) / actual.length
}

/** s = mean(|y_t − y_{t−m}|) over the training values; NaN when there are not more than m of them. */
export function maseScale(train: ArrayLike<number>, m: number): number {
  const lag = Math.max(1, Math.round(m))
  if (train.length <= lag) return NaN
  let sum = 0
  for (let t = lag; t < train.length; t++) sum += Math.abs(train[t] - train[t - lag])
  return sum / (train.length - lag)
}

export function mase(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  train: ArrayLike<number>,
  m: number,
): number | null {
  const scale = maseScale(train, m)
  if (!(scale > 0)) return null
  return mae(actual, forecast) / scale
}

/** Share of actuals with lower ≤ y ≤ upper. */
export function coverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  checkSameLength(actual, lower)
  checkSameLength(actual, upper)
  let inside = 0
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++
  return inside / actual.length
}

/**
 * The M4 competition's scaled interval score (MSIS, at any level): the interval's width plus
 * 2/α times how far each actual falls outside it (α = 1 − level/100), averaged over the points
 * and divided by the MASE scale. Lower is better, and unlike coverage it cannot be won by
 * widening the bands: it rewards intervals that are narrow and still hold the actuals.
 */
export function scaledIntervalScore(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  level: number,
  scale: number,
): number {
  checkSameLength(actual, lower)
  checkSameLength(actual, upper)
  const penalty = 2 / (1 - level / 100)
  let sum = 0
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]
    sum += upper[i] - lower[i] + penalty * (Math.max(0, lower[i] - y) + Math.max(0, y - upper[i]))
  }
  return sum / actual.length / scale
}

export interface EvaluationInput {
  actual: ArrayLike<number>
  forecast: ArrayLike<number>
  /** The training values (original scale) that define the MASE scale. */
  train: ArrayLike<number>
  /** Seasonal period; 1 for annual or non-seasonal data. */
  m: number
  intervals?: IntervalBand[]
}

export function evaluateForecast(input: EvaluationInput): ForecastMetrics {
  const { actual, forecast, train, m } = input
  const notes: string[] = []
  const mapeValue = mape(actual, forecast)
  if (mapeValue === null) notes.push('MAPE skipped: an actual value is zero or near zero.')
  const scale = maseScale(train, m)
  const maseValue = mase(actual, forecast, train, m)
  if (maseValue === null)
    notes.push(`MASE skipped: the in-sample seasonal-naive MAE (m = ${m}) is not positive.`)
  const coverageByLevel: Record<number, number> = {}
  const scoreByLevel: Record<number, number> = {}
  for (const band of input.intervals ?? []) {
    coverageByLevel[band.level] = coverage(actual, band.lower, band.upper)
    if (scale > 0)
      scoreByLevel[band.level] = scaledIntervalScore(actual, band.lower, band.upper, band.level, scale)
  }
  return {
    mae: mae(actual, forecast),
    rmse: rmse(actual, forecast),
    mape: mapeValue,
    smape: smape(actual, forecast),
    mase: maseValue,
    maseScale: scale,
    coverage: coverageByLevel,
    intervalScore: scoreByLevel,
    notes,
  }
}
