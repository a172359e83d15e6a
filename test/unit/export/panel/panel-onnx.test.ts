import { describe, expect, it } from 'vitest'
import { createReferenceBackend, paramCount } from '../../../../worker/engine/index'
import { exportPanelOnnx, PANEL_PREPROCESSING_KEY } from '../../../../worker/export/index'
import { forecastPanel } from '../../../../worker/panel/panel-forecast'
import { deseasonalise, reseasonalise } from '../../../../worker/statistics/seasonality/deseasonalise'
import { modelProtoType } from '../../../../worker/export/onnx/onnx-schema'
import { runOnnx } from '../onnx-runtime'
import {
  HORIZON,
  LOOKBACK,
  maxRelativeDifference,
  nativeNetwork,
  panelSource,
  PERIOD,
  rawWindows,
  scaleWindows,
  testSeries,
  unscale,
  type PanelCase,
} from './panel-fixtures'

/**
 * The ONNX export of a panel model reads raw windows and answers in their units: onnxruntime's
 * forecast must be the native panel network's (forecastPanel, before the combination with ETS and Theta) on series of
 * the panel, on a new series at another scale, and on a series shorter than the lookback.
 */

const CASES: { label: string; c: PanelCase }[] = [
  {
    label: 'mean scaling, LSTM, 3 members',
    c: { cells: ['lstm'], scaling: 'mean', members: 3, deseasonalise: false, seed: 1 },
  },
  {
    label: 'mean scaling, GRU→LSTM, 2 members',
    c: { cells: ['gru', 'lstm'], scaling: 'mean', members: 2, deseasonalise: false, seed: 2 },
  },
  {
    label: 'log scaling, LSTM, 3 members',
    c: { cells: ['lstm'], scaling: 'log', members: 3, deseasonalise: false, seed: 3 },
  },
  {
    label: 'log scaling, GRU, 1 member',
    c: { cells: ['gru'], scaling: 'log', members: 1, deseasonalise: false, seed: 8 },
  },
]

function onnxMetadata(bytes: Uint8Array): Record<string, string> {
  const model = modelProtoType().decode(bytes) as unknown as {
    metadata_props: { key: string; value: string }[]
  }
  return Object.fromEntries(model.metadata_props.map(({ key, value }) => [key, value]))
}

describe('ONNX export of a panel model', () => {
  for (const { label, c } of CASES)
    it(`forecasts every kind of series as the native network does (${label})`, async () => {
      const source = panelSource(c)
      const series = testSeries()
      const values = series.map((s) => s.values)
      const native = await forecastPanel(nativeNetwork(source), values, PERIOD)
      expect(native.fallback).toEqual([])
      const onnx = await runOnnx(exportPanelOnnx(source), rawWindows(values, LOOKBACK), [
        values.length,
        LOOKBACK,
        2,
      ])
      expect(onnx.dims).toEqual([values.length, HORIZON])
      series.forEach((s, w) => {
        const row = onnx.data.subarray(w * HORIZON, (w + 1) * HORIZON)
        expect(maxRelativeDifference(row, native.forecasts[w]), s.name).toBeLessThanOrEqual(1e-4)
      })
    })

  it('with deseasonalisation beside the graph, follows the documented recipe to the native forecast', async () => {
    const source = panelSource({ cells: ['lstm'], scaling: 'mean', members: 2, deseasonalise: true, seed: 4 })
    const values = testSeries().map((s) => s.values)
    const native = await forecastPanel(nativeNetwork(source), values, PERIOD)
    // The recipe: adjust each series by its own indices, run the graph, multiply the indices back.
    const adjustments = values.map((v) => deseasonalise(v, PERIOD))
    expect(adjustments.some((a) => a.seasonal)).toBe(true)
    const windows = rawWindows(
      adjustments.map((a) => a.adjusted),
      LOOKBACK,
    )
    const onnx = await runOnnx(exportPanelOnnx(source), windows, [values.length, LOOKBACK, 2])
    adjustments.forEach((adjustment, w) => {
      const forecast = reseasonalise(
        adjustment,
        Float64Array.from(onnx.data.subarray(w * HORIZON, (w + 1) * HORIZON)),
      )
      expect(maxRelativeDifference(forecast, native.forecasts[w])).toBeLessThanOrEqual(1e-4)
    })
  })

  it('passes features after the flag into the network unchanged (the input size is the spec’s)', async () => {
    const source = panelSource({
      cells: ['lstm'],
      scaling: 'mean',
      members: 2,
      deseasonalise: false,
      seed: 5,
      inputSize: 3,
    })
    const values = testSeries().map((s) => s.values)
    const two = rawWindows(values, LOOKBACK)
    const { scaled, references } = scaleWindows(two, values.length, LOOKBACK, 'mean')
    // A third channel (a static attribute, say): 0.3·series index on observed steps.
    const withFeature = (x: Float32Array) =>
      Float32Array.from({ length: (x.length / 2) * 3 }, (_, i) => {
        const step = Math.floor(i / 3)
        const w = Math.floor(step / LOOKBACK)
        return i % 3 < 2 ? x[step * 2 + (i % 3)] : x[step * 2 + 1] * 0.3 * w
      })
    const onnx = await runOnnx(exportPanelOnnx(source), withFeature(two), [values.length, LOOKBACK, 3])
    const size = paramCount(source.spec)
    const backend = createReferenceBackend(source.spec, 'float64')
    const mean = new Float64Array(values.length * HORIZON)
    for (let m = 0; m < source.members; m++) {
      const out = new Float64Array(values.length * HORIZON)
      const params = Float64Array.from(source.params.subarray(m * size, (m + 1) * size))
      backend.forward(params, Float64Array.from(withFeature(scaled)), values.length, LOOKBACK, out)
      out.forEach((v, i) => (mean[i] += v / source.members))
    }
    values.forEach((_, w) => {
      const expected = unscale(mean.subarray(w * HORIZON, (w + 1) * HORIZON), references[w], 'mean')
      expect(
        maxRelativeDifference(onnx.data.subarray(w * HORIZON, (w + 1) * HORIZON), expected),
      ).toBeLessThanOrEqual(1e-4)
    })
  })

  it('carries the description of what lives beside the graph in its metadata', () => {
    const source = panelSource({ cells: ['rnn'], scaling: 'mean', members: 1, deseasonalise: true, seed: 6 })
    const metadata = onnxMetadata(exportPanelOnnx(source, { appVersion: '9.9.9' }))
    const description = JSON.parse(metadata[PANEL_PREPROCESSING_KEY])
    expect(description).toMatchObject({
      kind: 'panel',
      lookback: LOOKBACK,
      horizon: HORIZON,
      features: ['value', 'observed'],
      window: { scaling: 'mean', inGraph: true, membersSideBySide: false },
      seasonality: { deseasonalise: true, period: PERIOD },
      combination: { network: 0.5, ets: 0.25, theta: 0.25, period: PERIOD, etsMaxSeasonalPeriod: 24 },
    })
  })

  it('refuses weights that are not whole networks of the model’s shape, by name', () => {
    const source = panelSource({
      cells: ['lstm'],
      scaling: 'mean',
      members: 2,
      deseasonalise: false,
      seed: 7,
    })
    expect(() => exportPanelOnnx({ ...source, params: source.params.subarray(1) })).toThrow(
      /holds \d+ weights, 2 networks of its shape need \d+/,
    )
  })
})
