import { describe, expect, it } from 'vitest'
import type { ModelEvaluation } from '../../../electron/api/requests/models'
import { forecastCsv } from '../../../electron/services/forecasting/forecast-csv'
import { savedEvaluation, savedForecastTargets } from '../../../electron/services/forecasting/saved-views'
import { bands } from './bands'

const metrics = (mae: number) => ({ mae, rmse: mae, mape: null, smape: 1, mase: 1 })

/** One target's results as 0.1 wrote them, at the top level for the first target. */
function results(target: string, mae: number) {
  return {
    target,
    actual: [mae, mae],
    test: { start: 1, ...bands(mae) },
    fitted: null,
    metrics: { validation: null, test: metrics(mae) },
    baselines: [{ name: 'naive', test: metrics(2 * mae) }],
    coverage: { level80: 1, level95: 1 },
    backtest: null,
  }
}

const shared = {
  modelId: 'run-1',
  name: 'LSTM 8 · sales, visits',
  frequency: { unit: 'month', step: 1 },
  timestamps: [0, 1],
  validationStart: 0,
  testStart: 1,
  config: { epochs: 3 },
  notes: ['visits: MAPE left out'],
}

describe('evaluation.json saved by 0.1', () => {
  it('lists the first target with the further ones, every field in its place', () => {
    const old = { ...shared, ...results('sales', 1), extraTargets: [results('visits', 3)], auto: undefined }
    const read = savedEvaluation(structuredClone(old))
    expect(read).toEqual({ ...shared, auto: undefined, targets: [results('sales', 1), results('visits', 3)] })
    expect(read).not.toHaveProperty('target')
    expect(read).not.toHaveProperty('extraTargets')
  })

  it('reads a single-target evaluation and leaves a current one as it is', () => {
    expect(savedEvaluation({ ...shared, ...results('value', 1) }).targets).toEqual([results('value', 1)])
    const current: ModelEvaluation = { ...shared, targets: [results('value', 1)] } as ModelEvaluation
    expect(savedEvaluation(structuredClone(current) as never)).toEqual(current)
  })
})

describe('forecasts saved by 0.1', () => {
  it('export the same CSV: single form for one target, long form for several', () => {
    const style = { delimiter: ';', decimalSeparator: ',' } as const
    const single = { timestamps: null, bands: bands(10.5) }
    expect(forecastCsv({ timestamps: null, targets: savedForecastTargets(single) }, style)).toBe(
      'date;forecast;lower80;upper80;lower95;upper95\n1;10,5;9,5;11,5;8,5;12,5\n',
    )
    const several = {
      timestamps: null,
      bands: bands(10),
      targets: [
        { target: 'sales', bands: bands(10) },
        { target: 'visits', bands: bands(20) },
      ],
    }
    expect(savedForecastTargets(several)).toEqual(several.targets)
    expect(forecastCsv({ timestamps: null, targets: savedForecastTargets(several) }, style)).toBe(
      'date;target;forecast;lower80;upper80;lower95;upper95\n1;sales;10;9;11;8;12\n1;visits;20;19;21;18;22\n',
    )
  })
})
