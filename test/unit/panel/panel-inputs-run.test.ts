import { describe, expect, it } from 'vitest'
import { runPanel } from '../../../worker/panel/panel-run'
import type { PanelConfig, PanelInput } from '../../../worker/panel/types'
import { SMALL_PANEL } from './small-panel-config'

/**
 * With a one-step lookback under mean scaling every input reads 0: whatever the network forecasts
 * beyond the average step it can only have learnt from the extra inputs.
 */
const BLIND: Partial<PanelConfig> = { ...SMALL_PANEL, lookback: 1, seed: 3 }

/** Series that grow 10 % a step (kind UP) or shrink 10 % a step (kind DOWN). */
function trendPanel(): PanelInput {
  const series = Array.from({ length: 8 }, (_, s) => {
    const kind = s % 2 === 0 ? 'UP' : 'DOWN'
    const rate = kind === 'UP' ? 1.1 : 0.9
    return {
      key: [`S${s}`],
      values: Float64Array.from({ length: 16 + s }, (_, t) => (5 + s) * rate ** t),
      attributes: { kind },
    }
  })
  return { keyNames: ['id'], series, period: 1 }
}

/** Series that go up by a fifth on even steps of a two-step season and back down on odd ones. */
function seasonPanel(): PanelInput {
  const series = Array.from({ length: 6 }, (_, s) => ({
    key: [`S${s}`],
    values: Float64Array.from({ length: 15 + s }, (_, t) => (3 + s) * (t % 2 === 0 ? 1 : 1.2)),
  }))
  return { keyNames: ['id'], series, period: 2, season: 2 }
}

const lastOf = (values: ArrayLike<number>) => values[values.length - 1]

describe('a global model with extra inputs (trained in this thread)', () => {
  it('learns from a static attribute what the values cannot tell it', async () => {
    const panel = trendPanel()
    const run = await runPanel(panel, {
      horizon: 1,
      blend: 'network',
      overrides: { ...BLIND, staticInputs: ['kind'] },
    })
    expect(run.model.spec.inputSize).toBe(2 + 2)
    expect(run.model.inputs?.static[0]).toMatchObject({ name: 'kind', kind: 'categorical' })
    run.forecasts.forEach((forecast, s) => {
      const last = lastOf(panel.series[s].values)
      if (s % 2 === 0) expect(forecast[0]).toBeGreaterThan(last * 1.04)
      else expect(forecast[0]).toBeLessThan(last * 0.96)
    })
  })
  it('learns from the season’s phase which way the next step goes', async () => {
    const panel = seasonPanel()
    const run = await runPanel(panel, {
      horizon: 1,
      blend: 'network',
      overrides: { ...BLIND, calendar: true },
    })
    expect(run.model.spec.inputSize).toBe(2 + 2)
    expect(run.model.inputs?.calendar).toEqual({ season: 2 })
    run.forecasts.forEach((forecast, s) => {
      const values = panel.series[s].values
      // After an odd step (high) the series goes down; after an even one it goes up.
      const goesUp = (values.length - 1) % 2 === 0
      const last = lastOf(values)
      if (goesUp) expect(forecast[0]).toBeGreaterThan(last * 1.08)
      else expect(forecast[0]).toBeLessThan(last * 0.92)
    })
  })
  it('trains the plain network, bit for bit, when no extra input is chosen', async () => {
    const panel = trendPanel()
    const options = { horizon: 2, blend: 'network' as const }
    const plain = await runPanel(panel, { ...options, overrides: { ...BLIND, lookback: 4, epochs: 4 } })
    const none = await runPanel(panel, {
      ...options,
      overrides: { ...BLIND, lookback: 4, epochs: 4, staticInputs: [], calendar: false },
    })
    expect(plain.model.spec.inputSize).toBe(2)
    expect(none.model.inputs).toBeUndefined()
    expect(Array.from(none.model.params)).toEqual(Array.from(plain.model.params))
    none.forecasts.forEach((f, s) => expect(Array.from(f)).toEqual(Array.from(plain.forecasts[s])))
  })
})
