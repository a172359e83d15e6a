/**
 * Residual learning on top of seasonal naive (the "Auto" preset): the network predicts
 * r_k = y[t+k] − y[t+k−m·⌈k/m⌉] for k = 1..H, t the last observed index, and the forecast is
 * rebuilt as base_k + r̂_k. The base only reads observed values (indices ≤ t), so the inverse is
 * exact: fromSeasonalResidualForecast(toSeasonalResidualTargets(...)) returns the targets.
 * With m = 1 the base is the naive forecast. Values must be in the same scale as the targets
 * (an affine scaler commutes with this difference up to the shift, which cancels).
 */

/** base_k = y[t + k − m·⌈k/m⌉], k = 1..h: the seasonal-naive forecast from origin t + 1. */
export function seasonalNaiveBase(
  values: ArrayLike<number>,
  lastIndex: number,
  h: number,
  m: number,
): Float64Array {
  const period = Math.max(1, Math.round(m))
  if (lastIndex - period + 1 < 0)
    throw new RangeError(`seasonal residual: need ${period} observations before the origin`)
  const base = new Float64Array(h)
  for (let k = 1; k <= h; k++) base[k - 1] = values[lastIndex + k - period * Math.ceil(k / period)]
  return base
}

/** r_k = y[t+k] − base_k; needs values up to t + h. */
export function toSeasonalResidualTargets(
  values: ArrayLike<number>,
  lastIndex: number,
  h: number,
  m: number,
): Float64Array {
  if (lastIndex + h >= values.length)
    throw new RangeError('seasonal residual: targets run past the end of the series')
  const base = seasonalNaiveBase(values, lastIndex, h, m)
  return base.map((b, i) => values[lastIndex + 1 + i] - b)
}

/** ŷ_k = base_k + r̂_k. */
export function fromSeasonalResidualForecast(
  residualForecast: ArrayLike<number>,
  values: ArrayLike<number>,
  lastIndex: number,
  m: number,
): Float64Array {
  const base = seasonalNaiveBase(values, lastIndex, residualForecast.length, m)
  return base.map((b, i) => b + residualForecast[i])
}

/**
 * Window-batch versions for single-target windows: y is [count, h] and origins
 * the index of the first forecast step (so lastIndex = origin − 1). Returns new arrays.
 */
export function toSeasonalResidualWindows(
  y: Float32Array | Float64Array,
  origins: Int32Array,
  target: ArrayLike<number>,
  h: number,
  m: number,
): Float32Array | Float64Array {
  const out = y.slice()
  origins.forEach((origin, i) => {
    const base = seasonalNaiveBase(target, origin - 1, h, m)
    for (let k = 0; k < h; k++) out[i * h + k] = y[i * h + k] - base[k]
  })
  return out
}

export function fromSeasonalResidualWindows(
  predicted: Float32Array | Float64Array,
  origins: Int32Array,
  target: ArrayLike<number>,
  h: number,
  m: number,
): Float64Array {
  const out = new Float64Array(predicted.length)
  origins.forEach((origin, i) => {
    const base = seasonalNaiveBase(target, origin - 1, h, m)
    for (let k = 0; k < h; k++) out[i * h + k] = predicted[i * h + k] + base[k]
  })
  return out
}
