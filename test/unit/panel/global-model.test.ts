import { describe, expect, it } from 'vitest'
import { thetaForecast } from '../../../worker/statistics/baselines/theta'
import { deseasonalise, indicesAhead } from '../../../worker/statistics/seasonality/deseasonalise'
import { naive2Forecast } from '../../../worker/statistics/baselines/naive2'
import { combinationGrid } from '../../../worker/pipeline/combination'
import { etsForecast } from '../../../worker/statistics/ets/auto-ets'
import { evaluatePanel } from '../../../worker/panel/panel-evaluation'
import { createModel } from '../../../worker/engine/index'
import { panelSpec } from '../../../worker/panel/global-model'
import { forecastPanel } from '../../../worker/panel/panel-forecast'
import { runPanel } from '../../../worker/panel/panel-run'
import type { PanelInput } from '../../../worker/panel/types'

/** Seasonal series of very different scales: one network can only share them through the window scaling. */
function syntheticPanel(): PanelInput {
  const series = Array.from({ length: 8 }, (_, s) => {
    const scale = 10 ** (s % 4)
    const length = 40 + 6 * s
    const values = Array.from(
      { length },
      (_, t) => scale * (5 + Math.sin((2 * Math.PI * (t + s)) / 4) + 0.05 * t),
    )
    return { key: [`S${s}`], values }
  })
  // Too short for the network's minimum input: forecast by Theta, and counted.
  series.push({ key: ['tiny'], values: [3] })
  return { keyNames: ['id'], series, period: 4 }
}

const SMALL = {
  layers: [{ cell: 'lstm' as const, units: 12, dropout: 0 }],
  windowsPerEpoch: 400,
  epochs: 25,
  patience: 25,
  batchSize: 32,
  lr: 0.01,
  ensemble: 1,
}

describe('the global model on a small panel (trained in this thread)', () => {
  it('learns across scales, forecasts every series, falls back to Theta for the one too short', async () => {
    const panel = syntheticPanel()
    const run = await runPanel(panel, { horizon: 4, overrides: SMALL, blend: 'network' })
    expect(run.forecasts).toHaveLength(9)
    expect(run.fallback).toEqual([8])
    expect(Array.from(run.forecasts[8])).toEqual([3, 3, 3, 3])
    const outcome = run.model.members[0]
    expect(outcome.valLoss[outcome.valLoss.length - 1]).toBeLessThan(outcome.valLoss[0])
    for (const f of run.forecasts) expect(f.every(Number.isFinite)).toBe(true)
    // The future of each sine is known: the network should follow the season at every scale.
    const actual = panel.series.slice(0, 8).map((s, i) => {
      const n = s.values.length
      const scale = 10 ** (i % 4)
      return Float64Array.from(
        { length: 4 },
        (_, k) => scale * (5 + Math.sin((2 * Math.PI * (n + k + i)) / 4) + 0.05 * (n + k)),
      )
    })
    const train = panel.series.slice(0, 8).map((s) => Float64Array.from(s.values))
    const evaluation = evaluatePanel(train, actual, run.forecasts.slice(0, 8), 4)
    expect(evaluation.network.smape).toBeLessThan(8)
    expect(run.combination.weights.network).toBe(1)
  })
  it('puts each series’ own season back on a network that reads adjusted series', async () => {
    // A network with zero weights outputs 0: the window's mean level, flat, on the adjusted scale.
    const spec = panelSpec({ layers: SMALL.layers, horizon: 4 })
    const params = createModel(spec, { seed: 1, precision: 'float32' }).params as Float32Array
    params.fill(0)
    const network = { spec, params, lookback: 8, horizon: 4, minObserved: 4, scaling: 'mean' as const }
    const values = Float64Array.from(syntheticPanel().series[3].values)
    const adjustment = deseasonalise(values, 4)
    expect(adjustment.seasonal).toBe(true)
    const [plain] = (await forecastPanel(network, [values], 4)).forecasts
    expect(new Set(plain).size).toBe(1)
    const [seasonal] = (await forecastPanel({ ...network, deseasonalise: true }, [values], 4)).forecasts
    const ahead = indicesAhead(adjustment, 4)
    let level = 0
    for (let t = values.length - 8; t < values.length; t++) level += adjustment.adjusted[t] / 8
    seasonal.forEach((f, k) => expect(f).toBeCloseTo(level * ahead[k], 6))
  })
  it('combines with ETS and Theta at the weights validation chose', async () => {
    const run = await runPanel(syntheticPanel(), { horizon: 4, overrides: { ...SMALL, epochs: 3 } })
    expect(run.combination.validationOwa).toHaveLength(combinationGrid().length)
    const w = run.combination.weights
    const s = 2
    const values = run.cleaned[s].values
    const theta = thetaForecast(values, 4, 4)
    const ets = etsForecast(values, 4, 4, []).mean
    run.forecasts[s].forEach((f, k) =>
      expect(f).toBeCloseTo(w.network * run.networkForecasts[s][k] + w.ets * ets[k] + w.theta * theta[k], 8),
    )
  })
})

describe('panel evaluation', () => {
  const train = [
    Float64Array.from({ length: 24 }, (_, t) => 10 + (t % 4) + t / 3),
    Float64Array.from([5, 6, 7, 8, 9, 10]),
  ]
  const actual = [Float64Array.from([19, 20]), Float64Array.from([11, 12])]
  it('scores Naive2 itself at OWA 1 and reports every baseline beside the network', () => {
    const forecasts = train.map((y) => naive2Forecast(y, 4, 2))
    const evaluation = evaluatePanel(train, actual, forecasts, 4)
    expect(evaluation.network.owa).toBeCloseTo(1, 12)
    expect(evaluation.baselines.naive2.owa).toBeCloseTo(1, 12)
    expect(evaluation.series).toHaveLength(2)
    expect(Object.keys(evaluation.baselines).sort()).toEqual([
      'ets',
      'naive',
      'naive2',
      'seasonalNaive',
      'theta',
    ])
    expect(evaluation.baselines.theta.smape).toBeGreaterThan(0)
    expect(() => evaluatePanel(train, actual.slice(1), forecasts, 4)).toThrow(
      /2 training parts, 1 test parts/,
    )
  })
  it('takes the ETS and Theta forecasts a run already made instead of fitting them again', () => {
    const forecasts = train.map((y) => naive2Forecast(y, 4, 2))
    const given = { ets: [Float64Array.of(19, 20), null], theta: [null, Float64Array.of(11, 12)] }
    const evaluation = evaluatePanel(train, actual, forecasts, 4, given)
    expect(evaluation.baselineSeries[0]!.ets.smape).toBe(0)
    expect(evaluation.baselineSeries[1]!.theta.smape).toBe(0)
    // Not given: fitted here, as without `given`.
    const fitted = evaluatePanel(train, actual, forecasts, 4)
    expect(evaluation.baselineSeries[1]!.ets).toEqual(fitted.baselineSeries[1]!.ets)
  })
})
