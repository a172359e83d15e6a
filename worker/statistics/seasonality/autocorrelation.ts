/**
 * Sample autocorrelation at one lag, as R's acf() and the M4 benchmark code compute it: both sums
 * are centred on the mean of the whole series and the lag-k products are not rescaled by n − k
 * (so |r_k| ≤ 1 and long lags shrink towards 0, which the seasonality test relies on).
 */
export function autocorrelation(values: ArrayLike<number>, lag: number): number {
  const n = values.length
  if (!Number.isInteger(lag) || lag < 0)
    throw new RangeError(`autocorrelation: lag must be a whole number ≥ 0, got ${lag}`)
  if (n === 0) throw new RangeError('autocorrelation: the series is empty')
  let mean = 0
  for (let i = 0; i < n; i++) mean += values[i]
  mean /= n
  let variance = 0
  for (let i = 0; i < n; i++) variance += (values[i] - mean) ** 2
  // A constant series has no autocorrelation to speak of; 0 keeps the seasonality test false.
  if (!(variance > 0)) return 0
  let products = 0
  for (let t = lag; t < n; t++) products += (values[t] - mean) * (values[t - lag] - mean)
  return products / variance
}
