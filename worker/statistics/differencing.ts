/**
 * Differencing at lag 1 (first) or lag m (seasonal): d_t = y_t − y_{t−lag} for t ≥ lag. A forecast of
 * differences is turned back into levels by cumulating from the last `lag` known values:
 * ŷ_{n+k} = d̂_{n+k} + ŷ_{n+k−lag}, where ŷ_j = y_j for j < n. This is exact for point paths; it
 * does not turn per-step interval bounds into valid level intervals (widths add up across steps),
 * so intervals of differenced models should be calibrated on the level scale (e.g. conformal).
 */

export function difference(values: ArrayLike<number>, lag = 1): Float64Array {
  if (!Number.isInteger(lag) || lag < 1)
    throw new RangeError(`difference: lag must be a positive integer, got ${lag}`)
  const out = new Float64Array(Math.max(0, values.length - lag))
  for (let t = lag; t < values.length; t++) out[t - lag] = values[t] - values[t - lag]
  return out
}

/**
 * Levels after `history` from forecast differences. Only the last `lag` history values are used.
 */
export function undifference(
  forecastDifferences: ArrayLike<number>,
  history: ArrayLike<number>,
  lag = 1,
): Float64Array {
  if (history.length < lag)
    throw new RangeError(`undifference: need the last ${lag} known values, got ${history.length}`)
  const h = forecastDifferences.length
  const levels = new Float64Array(h)
  for (let k = 0; k < h; k++) {
    const previous = k - lag >= 0 ? levels[k - lag] : history[history.length - lag + k]
    levels[k] = forecastDifferences[k] + previous
  }
  return levels
}

/** Rebuilds the original series from its first `lag` values and its differences (the exact inverse). */
export function integrate(differences: ArrayLike<number>, initial: ArrayLike<number>): Float64Array {
  const lag = initial.length
  const out = new Float64Array(lag + differences.length)
  for (let t = 0; t < lag; t++) out[t] = initial[t]
  for (let t = lag; t < out.length; t++) out[t] = differences[t - lag] + out[t - lag]
  return out
}
