import { mulberry32, paramCount, type CellType } from '../../../../worker/engine/index'
import type { PanelExportSource } from '../../../../worker/export/index'
import { panelSpec } from '../../../../worker/panel/global-model'
import type { PanelNetwork } from '../../../../worker/panel/panel-forecast'
import type { WindowScaling } from '../../../../worker/panel/types'

/**
 * A panel model with random weights (no training needed to compare an export with the native
 * forecast), series of the panel at several scales, a new one at another scale and one shorter
 * than the lookback, and the documented recipe written out from the model card's formulas.
 */

export const LOOKBACK = 12
export const HORIZON = 4
export const PERIOD = 4

export interface PanelCase {
  cells: CellType[]
  scaling: WindowScaling
  members: number
  deseasonalise: boolean
  seed: number
  /** Per-step inputs; more than 2 adds features after the flag (static attributes, calendar). */
  inputSize?: number
}

export function panelSource(c: PanelCase): PanelExportSource {
  const config = {
    layers: c.cells.map((cell, k) => ({ cell, units: 6 - k, dropout: 0 })),
    lookback: LOOKBACK,
    horizon: HORIZON,
    minObserved: 3,
    scaling: c.scaling,
    deseasonalise: c.deseasonalise,
  }
  const spec = { ...panelSpec(config), inputSize: c.inputSize ?? panelSpec(config).inputSize }
  const random = mulberry32(c.seed)
  // ±0.5 weights: outputs of order 1 on the scaled scale, so un-scaling errors would show.
  const params = Float32Array.from({ length: paramCount(spec) * c.members }, () => random() - 0.5)
  return {
    config,
    spec,
    params,
    members: c.members,
    period: PERIOD,
    etsVariant: 'full',
    inputs: null,
    combination: { network: 0.5, ets: 0.25, theta: 0.25 },
    intervals: { levels: [80, 95], halfWidths: { 80: [1, 1.1, 1.2, 1.3], 95: [2, 2.1, 2.2, null] } },
    keyNames: ['id'],
    target: 'value',
    frequency: null,
  }
}

export function nativeNetwork(source: PanelExportSource): PanelNetwork {
  return { ...source.config, spec: source.spec, params: source.params }
}

function seasonalSeries(length: number, scale: number, phase: number): Float64Array {
  return Float64Array.from(
    { length },
    (_, t) => scale * (5 + 1.5 * Math.sin((2 * Math.PI * (t + phase)) / PERIOD) + 0.04 * t),
  )
}

/** Three series of the panel (scales 1, 40, 2 000), a new one at 3·10⁵, one shorter than the lookback. */
export function testSeries(): { name: string; values: Float64Array }[] {
  return [
    { name: 'panel, scale 1', values: seasonalSeries(30, 1, 0) },
    { name: 'panel, scale 40', values: seasonalSeries(37, 40, 1) },
    { name: 'panel, scale 2 000', values: seasonalSeries(44, 2000, 2) },
    { name: 'new series, scale 3·10⁵', values: seasonalSeries(26, 3e5, 3) },
    { name: 'padded: 7 points for a 12-step lookback', values: seasonalSeries(7, 15, 1) },
  ]
}

/** The export's input: the last `lookback` values and flag 1, padded at the front with 0 / 0. */
export function rawWindows(series: readonly Float64Array[], lookback: number): Float32Array {
  const x = new Float32Array(series.length * lookback * 2)
  series.forEach((values, w) => {
    const used = values.subarray(Math.max(0, values.length - lookback))
    const padding = lookback - used.length
    used.forEach((value, i) => {
      x[(w * lookback + padding + i) * 2] = value
      x[(w * lookback + padding + i) * 2 + 1] = 1
    })
  })
  return x
}

/** The card's scaling, written from its formulas: reference per window, then the scaled window. */
export function scaleWindows(
  raw: Float32Array,
  count: number,
  lookback: number,
  scaling: WindowScaling,
): { scaled: Float32Array; references: number[] } {
  const scaled = new Float32Array(raw.length)
  const references: number[] = []
  for (let w = 0; w < count; w++) {
    const at = (t: number) => (w * lookback + t) * 2
    let reference: number
    if (scaling === 'log') reference = Math.log(raw[at(lookback - 1)])
    else {
      let sum = 0
      let observed = 0
      for (let t = 0; t < lookback; t++)
        if (raw[at(t) + 1] === 1) {
          sum += Math.abs(raw[at(t)])
          observed++
        }
      reference = sum / observed > 1e-12 ? sum / observed : 1
    }
    references.push(reference)
    for (let t = 0; t < lookback; t++) {
      if (raw[at(t) + 1] !== 1) continue
      const v = raw[at(t)]
      scaled[at(t)] = scaling === 'log' ? Math.log(v) - reference : v / reference - 1
      scaled[at(t) + 1] = 1
    }
  }
  return { scaled, references }
}

export function unscale(output: ArrayLike<number>, reference: number, scaling: WindowScaling): Float64Array {
  return Float64Array.from(output, (o) => (scaling === 'log' ? Math.exp(o + reference) : (o + 1) * reference))
}

/** Largest |a − b| / |b| (the forecasts are far from 0, so a relative error is meaningful). */
export function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`)
  let max = 0
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]) / Math.abs(b[i]))
  return max
}
