import { describe, expect, it } from 'vitest'
import {
  checkFutureKnown,
  fitFutureEncodings,
  futureRows,
  MissingFutureError,
} from '../../../worker/panel/future-features'
import { seriesFeatures } from '../../../worker/panel/panel-features'
import { runPanel } from '../../../worker/panel/panel-run'
import type { PanelConfig, PanelInput, PanelSeries } from '../../../worker/panel/types'
import { buildWindows } from '../../../worker/panel/window-builder'
import { SMALL_PANEL } from './small-panel-config'

/** Known-future covariates (future-features.ts): encoding, windows, the check ahead, and a run that learns from them. */

const withPrice = (values: number[], price: number[]): PanelSeries => ({
  key: ['A'],
  values: Float64Array.from(values),
  covariates: { price: Float64Array.from(price) },
})

describe('known-future covariates as inputs', () => {
  it('standardises on the observed history only, not on the future rows', () => {
    // History 1, 2, 3 (mean 2, sd 1); the future row's 100 must not move the encoding.
    const [encoding] = fitFutureEncodings([withPrice([5, 6, 7], [1, 2, 3, 100])], ['price'])
    expect(encoding).toEqual({ name: 'price', mean: 2, sd: 1 })
    const [rows] = futureRows([encoding], [withPrice([5, 6, 7], [1, 2, 3, 100])], [1])
    // From the cleaning's start (index 1): 2, 3, 100 standardised.
    expect(Array.from(rows)).toEqual([0, 1, 98])
  })

  it('refuses a model’s covariate the panel does not have, naming it', () => {
    const bare: PanelSeries = { key: ['A'], values: Float64Array.of(1, 2) }
    expect(() => fitFutureEncodings([bare], ['price'])).toThrow(MissingFutureError)
    expect(() => fitFutureEncodings([bare], ['price'])).toThrow(/"price"/)
  })

  it('feeds each input step the covariate `horizon` steps later, and the mean where it is unknown', () => {
    const series = withPrice([10, 11, 12, 13], [0, 1, 2, 3, 4, NaN])
    const features = seriesFeatures(
      { static: [], calendar: null, future: [{ name: 'price', mean: 0, sd: 1 }] },
      [series],
      [0],
      null,
    )
    expect(features.inputSize).toBe(3)
    const lookback = 3
    const horizon = 2
    const { x } = buildWindows(
      [Float64Array.from(series.values)],
      [
        { series: 0, origin: 4 },
        { series: 0, origin: 2 },
      ],
      { lookback, horizon, scaling: 'mean' },
      features,
    )
    const covariateAt = (w: number, step: number) => x[(w * lookback + step) * 3 + 2]
    // Origin 4 reads steps 1, 2, 3, whose covariates sit at 3, 4 and 5 (empty: the mean, 0).
    expect([0, 1, 2].map((k) => covariateAt(0, k))).toEqual([3, 4, 0])
    // Origin 2 pads one step (index −1, covariate at 1), then reads steps 0 and 1 (covariates at 2, 3).
    expect([0, 1, 2].map((k) => covariateAt(1, k))).toEqual([1, 2, 3])
  })

  it('refuses a forecast whose horizon runs past the covariates given, naming the series and the step', () => {
    const encodings = [{ name: 'price', mean: 0, sd: 1 }]
    const rows = [Float32Array.of(1, 2, 3, 4, 5), Float32Array.of(1, 2, 3, 4)]
    const label = (s: number) => ['A', 'B'][s]
    expect(() => checkFutureKnown(encodings, rows, [3, 3], 2, label)).toThrow(
      /series B lacks the known-future input "price" at step 2 of the 2/,
    )
    // A series the network does not forecast (Theta's fallback) needs none.
    expect(() => checkFutureKnown(encodings, rows, [3, 3], 2, label, (s) => s === 0)).not.toThrow()
  })
})

/**
 * Series whose value jumps by half on promotion steps, at random: from its past a series cannot
 * tell when the next promotion comes, so only the planned promotions can.
 */
function promotionPanel(future: number): PanelInput {
  let state = 7
  const coin = () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648 < 0.3 ? 1 : 0
  }
  const series = Array.from({ length: 8 }, (_, s) => {
    const length = 30 + s
    const promo = Float64Array.from({ length: length + future }, coin)
    const values = Float64Array.from({ length }, (_, t) => (10 + s) * (1 + 0.5 * promo[t]))
    return { key: [`S${s}`], values, covariates: { promo } }
  })
  return { keyNames: ['id'], series, period: 1 }
}

const SMALL: Partial<PanelConfig> = { ...SMALL_PANEL, seed: 3 }

describe('a global model with known-future inputs (trained in this thread)', () => {
  it('forecasts the planned promotions it is given for the steps ahead', async () => {
    const horizon = 2
    const panel = promotionPanel(horizon)
    const run = await runPanel(panel, {
      horizon,
      blend: 'network',
      overrides: { ...SMALL, futureInputs: ['promo'] },
    })
    expect(run.model.spec.inputSize).toBe(3)
    expect(run.model.inputs?.future?.[0].name).toBe('promo')
    let promoted = 0
    run.forecasts.forEach((forecast, s) => {
      const { values, covariates } = panel.series[s]
      const base = 10 + s
      for (let k = 0; k < horizon; k++) {
        const planned = covariates!.promo[values.length + k]
        promoted += planned
        // Within a tenth of the level the plan implies: base, or base and a half.
        expect(Math.abs(forecast[k] - base * (1 + 0.5 * planned))).toBeLessThan(base * 0.1)
      }
    })
    expect(promoted).toBeGreaterThan(0)
  })

  it('is refused before training when a series lacks the covariates ahead, naming it', async () => {
    const panel = promotionPanel(1)
    await expect(
      runPanel(panel, { horizon: 2, blend: 'network', overrides: { ...SMALL, futureInputs: ['promo'] } }),
    ).rejects.toThrow(/series S0 lacks the known-future input "promo" at step 2 of the 2/)
  })
})
