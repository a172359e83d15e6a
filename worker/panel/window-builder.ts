import { writePhase } from './calendar-features'
import type { SeriesFeatures } from './panel-features'
import { PANEL_INPUT_SIZE, type WindowScaling } from './types'
import { toScaled, windowReference } from './window-scaling'

/**
 * Cuts windows from panel series. A cut at t reads the points before t as inputs (the last
 * `lookback`, zero-padded with flag 0 where the series has fewer) and the `horizon` points from t
 * as targets; targets past the series' end are NaN, which the training loop counts for nothing.
 * With extra inputs (panel-features.ts) every step, padded ones included, also carries the
 * series' static inputs, the phase of its place in the season and its known-future covariates
 * `horizon` steps later (future-features.ts).
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
    if (features) writeExtras(x, w, cut, shape, features)
    for (let k = 0; k < horizon; k++) {
      const t = cut.origin + k
      y[w * horizon + k] = t < values.length ? toScaled(values[t], reference, scaling) : NaN
    }
  })
  return { x, y, references }
}

/**
 * Static inputs, the season's phase and the covariates `horizon` steps ahead at every step of
 * window `w` (padded steps included). A covariate the file leaves empty, or does not give that far
 * ahead (beyond a training target past the series' end), reads 0: the training mean.
 */
function writeExtras(
  x: Float32Array,
  w: number,
  cut: Cut,
  shape: WindowShape,
  features: SeriesFeatures,
): void {
  const { lookback, horizon } = shape
  const { inputSize, firstPositions } = features
  const statics = features.staticRows[cut.series]
  const season = features.encoding.calendar?.season ?? 1
  const future = features.futureRows[cut.series]
  const width = features.encoding.future?.length ?? 0
  const known = future ? future.length / Math.max(1, width) : 0
  for (let step = 0; step < lookback; step++) {
    let at = (w * lookback + step) * inputSize + PANEL_INPUT_SIZE
    if (statics) {
      x.set(statics, at)
      at += statics.length
    }
    // The step's index in the series: negative for padding before its first value.
    const t = cut.origin - lookback + step
    if (firstPositions) {
      writePhase(firstPositions[cut.series], t, season, x, at)
      at += 2
    }
    const ahead = t + horizon
    if (future && ahead >= 0 && ahead < known)
      for (let c = 0; c < width; c++) {
        const value = future[ahead * width + c]
        x[at + c] = Number.isFinite(value) ? value : 0
      }
  }
}
