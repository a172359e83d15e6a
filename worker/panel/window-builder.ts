import { PANEL_INPUT_SIZE, type WindowScaling } from './types'
import { toScaled, windowReference } from './window-scaling'

/**
 * Cuts windows from panel series. A cut at t reads the points before t as inputs (the last
 * `lookback`, zero-padded with flag 0 where the series has fewer) and the `horizon` points from t
 * as targets; targets past the series' end are NaN, which the training loop counts for nothing.
 */

export interface Cut {
  series: number
  /** Points before the forecast origin. */
  origin: number
}

export interface WindowBatch {
  /** [count, lookback, 2]: scaled value, observed flag. */
  x: Float32Array
  /** [count, horizon], scaled. */
  y: Float32Array
  /** Each window's scale reference, to map outputs back. */
  references: Float64Array
}

export interface WindowShape {
  lookback: number
  horizon: number
  scaling: WindowScaling
}

export function buildWindows(
  series: readonly Float64Array[],
  cuts: readonly Cut[],
  shape: WindowShape,
): WindowBatch {
  const { lookback, horizon, scaling } = shape
  const x = new Float32Array(cuts.length * lookback * PANEL_INPUT_SIZE)
  const y = new Float32Array(cuts.length * horizon)
  const references = new Float64Array(cuts.length)
  cuts.forEach((cut, w) => {
    const values = series[cut.series]
    const from = Math.max(0, cut.origin - lookback)
    if (cut.origin < 1 || cut.origin > values.length)
      throw new RangeError(
        `window origin ${cut.origin} is outside series ${cut.series} (${values.length} points)`,
      )
    const reference = windowReference(values, from, cut.origin, scaling)
    references[w] = reference
    const padding = lookback - (cut.origin - from)
    for (let t = from; t < cut.origin; t++) {
      const at = (w * lookback + padding + t - from) * PANEL_INPUT_SIZE
      x[at] = toScaled(values[t], reference, scaling)
      x[at + 1] = 1
    }
    for (let k = 0; k < horizon; k++) {
      const t = cut.origin + k
      y[w * horizon + k] = t < values.length ? toScaled(values[t], reference, scaling) : NaN
    }
  })
  return { x, y, references }
}
