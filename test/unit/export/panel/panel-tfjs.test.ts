import { describe, expect, it } from 'vitest'
import { exportPanelTfjs, PANEL_PREPROCESSING_KEY } from '../../../../worker/export/index'
import { forecastPanel } from '../../../../worker/panel/panel-forecast'
import { loadInTfjs, predict } from '../tfjs-runtime'
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
 * The TF.js export of a panel model averages the members in its graph; the per-window scaling is
 * done around it as the model card says (TF.js Layers has no layer dividing by a value computed
 * from the input). Scaled with the card's formulas, tfjs gives the native network's forecast.
 */

const CASES: { label: string; c: PanelCase }[] = [
  {
    label: 'mean scaling, LSTM, 2 members',
    c: { cells: ['lstm'], scaling: 'mean', members: 2, deseasonalise: false, seed: 11 },
  },
  {
    label: 'mean scaling, GRU, 1 member',
    c: { cells: ['gru'], scaling: 'mean', members: 1, deseasonalise: false, seed: 12 },
  },
  {
    label: 'log scaling, RNN→LSTM, 2 members',
    c: { cells: ['rnn', 'lstm'], scaling: 'log', members: 2, deseasonalise: false, seed: 13 },
  },
]

describe('TF.js export of a panel model', () => {
  for (const { label, c } of CASES)
    it(`with the documented scaling, forecasts as the native network does (${label})`, async () => {
      const source = panelSource(c)
      const series = testSeries()
      const values = series.map((s) => s.values)
      const native = await forecastPanel(nativeNetwork(source), values, PERIOD)
      const model = await loadInTfjs(exportPanelTfjs(source))
      const { scaled, references } = scaleWindows(
        rawWindows(values, LOOKBACK),
        values.length,
        LOOKBACK,
        c.scaling,
      )
      const out = predict(model, scaled, [values.length, LOOKBACK, 2])
      // Log-scaled members come side by side: each is un-scaled, then they are averaged.
      const outputs = c.scaling === 'log' && c.members > 1 ? c.members : 1
      expect(out.shape).toEqual([values.length, outputs * HORIZON])
      series.forEach((s, w) => {
        const forecast = new Float64Array(HORIZON)
        for (let m = 0; m < outputs; m++) {
          const from = (w * outputs + m) * HORIZON
          unscale(out.data.subarray(from, from + HORIZON), references[w], c.scaling).forEach(
            (v, k) => (forecast[k] += v / outputs),
          )
        }
        expect(maxRelativeDifference(forecast, native.forecasts[w]), s.name).toBeLessThanOrEqual(1e-4)
      })
      model.dispose()
    })

  it('says in its metadata that the scaling is outside the graph', () => {
    const artifacts = exportPanelTfjs(panelSource(CASES[0].c))
    expect(artifacts.modelJson.userDefinedMetadata?.[PANEL_PREPROCESSING_KEY]).toMatchObject({
      kind: 'panel',
      window: { scaling: 'mean', inGraph: false, membersSideBySide: false },
      members: 2,
    })
  })
})
