import { writePhase } from './calendar-features'
import type { SeriesFeatures } from './panel-features'
import { PANEL_INPUT_SIZE, type WindowScaling } from './types'
import { toScaled, windowReference } from './window-scaling'

/**
 * Cuts windows from panel series. A cut at t reads the points before t as inputs (the last
 * `lookback`, zero-padded with flag 0 where the series has fewer) and the `horizon` points from t
 * as targets; targets past the series' end are NaN, which the training loop counts for nothing.
 * With extra inputs (panel-features.ts) every step, padded ones included, also carries the
 * series' static inputs and the phase of its place in the season.
 */

export interface Cut {
  series: number
  /** Points before the forecast origin. */
  origin: number
}

export interface WindowBatch {
  /** [count, lookback, inputSize]: scaled value, observed flag, then any extra inputs. */
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
  features?: SeriesFeatures,
): WindowBatch {
  const { lookback, horizon, scaling } = shape
  const inputSize = features?.inputSize ?? PANEL_INPUT_SIZE
  const x = new Float32Array(cuts.length * lookback * inputSize)
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
      const at = (w * lookback + padding + t - from) * inputSize
      x[at] = toScaled(values[t], reference, scaling)
      x[at + 1] = 1
    }
    if (features) writeExtras(x, w, cut, lookback, features)
    for (let k = 0; k < horizon; k++) {
      const t = cut.origin + k
      y[w * horizon + k] = t < values.length ? toScaled(values[t], reference, scaling) : NaN
    }
  })
  return { x, y, references }
}

/** Static inputs and the season's phase at every step of window `w` (padded steps included). */
function writeExtras(x: Float32Array, w: number, cut: Cut, lookback: number, features: SeriesFeatures): void {
  const { inputSize, firstPositions } = features
  const statics = features.staticRows[cut.series]
  const season = features.encoding.calendar?.season ?? 1
  for (let step = 0; step < lookback; step++) {
    let at = (w * lookback + step) * inputSize + PANEL_INPUT_SIZE
    if (statics) {
      x.set(statics, at)
      at += statics.length
    }
    // The step's index in the series: negative for padding before its first value.
    if (firstPositions) writePhase(firstPositions[cut.series], cut.origin - lookback + step, season, x, at)
  }
}
