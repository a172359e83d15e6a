import { checkPeriod } from './seasonality-test'

/**
 * Classical multiplicative decomposition (R's decompose(type = "multiplicative"), which M3's and
 * M4's Naive2 and Theta use): the trend is the centred moving average over one period (a 2×m
 * average for even m), each point's ratio to it is averaged per position in the season, and the
 * m averages are normalised to mean 1. Positions count from the first observation, as R does.
 */

/** Centred moving average of width m (2×m for even m); NaN where the window leaves the series. */
export function centredMovingAverage(values: ArrayLike<number>, period: number): Float64Array {
  const n = values.length
  const half = Math.floor(period / 2)
  const even = period % 2 === 0
  const trend = new Float64Array(n).fill(NaN)
  for (let t = half; t < n - half; t++) {
    let sum = 0
    for (let j = -half; j <= half; j++) {
      // The 2×m average gives the two end points half a weight each.
      const weight = even && Math.abs(j) === half ? 0.5 : 1
      sum += weight * values[t + j]
    }
    trend[t] = sum / period
  }
  return trend
}

/** Seasonal indices (mean 1), index i applying to the points t with t mod m = i. */
export function multiplicativeSeasonalIndices(values: ArrayLike<number>, period: number): Float64Array {
  checkPeriod(period, 'multiplicativeSeasonalIndices')
  if (values.length < 2 * period)
    throw new RangeError(
      `multiplicativeSeasonalIndices: needs two full seasons (${2 * period} points), got ${values.length}`,
    )
  const trend = centredMovingAverage(values, period)
  const sums = new Float64Array(period)
  const counts = new Float64Array(period)
  for (let t = 0; t < values.length; t++) {
    const ratio = values[t] / trend[t]
    if (!Number.isFinite(ratio)) continue
    sums[t % period] += ratio
    counts[t % period]++
  }
  const indices = new Float64Array(period)
  let mean = 0
  for (let i = 0; i < period; i++) {
    indices[i] = sums[i] / counts[i]
    mean += indices[i] / period
  }
  for (let i = 0; i < period; i++) indices[i] /= mean
  if (!indices.every((v) => Number.isFinite(v) && v > 0))
    throw new RangeError(
      'multiplicativeSeasonalIndices: the series must be positive to be decomposed multiplicatively',
    )
  return indices
}
