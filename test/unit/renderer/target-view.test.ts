import { describe, expect, it } from 'vitest'
import type { ForecastView, ModelEvaluation, TargetEvaluation } from '../../../electron/api/requests/models'
import { evaluationFor, forecastFor, targetNames } from '../../../renderer/src/screens/forecast/target-view'

const metrics = (mae: number) => ({ mae, rmse: mae, mape: null, smape: 1, mase: 1 })
const bands = (v: number) => ({ mean: [v], lower80: [v], upper80: [v], lower95: [v], upper95: [v] })

function block(target: string, mae: number): TargetEvaluation {
  return {
    target,
    actual: [mae],
    test: { start: 0, ...bands(mae) },
    fitted: null,
    metrics: { validation: null, test: metrics(mae) },
    baselines: [],
    coverage: { level80: null, level95: null },
    backtest: null,
  }
}

const evaluation: ModelEvaluation = {
  modelId: 'm',
  name: 'LSTM · sales, visits',
  frequency: null,
  timestamps: null,
  validationStart: 0,
  testStart: 0,
  targets: [{ ...block('sales', 1), fitted: { start: 0, values: [] } }, block('visits', 2)],
  config: {},
  notes: [],
}

describe('the Forecast screen with several targets', () => {
  it('lists the targets in the model’s order', () => {
    expect(targetNames(evaluation)).toEqual(['sales', 'visits'])
    expect(targetNames({ ...evaluation, targets: [block('sales', 1)] })).toEqual(['sales'])
  })

  it('shows the chosen target’s results with the model’s shared facts', () => {
    const sales = evaluationFor(evaluation, 0)!
    expect(sales.target).toBe('sales')
    expect(sales.fitted).toEqual({ start: 0, values: [] })
    const visits = evaluationFor(evaluation, 1)!
    expect(visits.target).toBe('visits')
    expect(visits.metrics.test.mae).toBe(2)
    expect(visits.fitted).toBeNull()
    expect(visits.name).toBe(evaluation.name)
    expect(evaluationFor(evaluation, 2)).toBeNull()
  })

  it('shows the chosen target’s forecast bands', () => {
    const forecast: ForecastView = {
      forecastId: 'f',
      modelId: 'm',
      timestamps: null,
      targets: [
        { target: 'sales', bands: bands(10) },
        { target: 'visits', bands: bands(20) },
      ],
      file: 'forecasts/f.csv',
    }
    expect(forecastFor(forecast, 'visits')!.bands.mean).toEqual([20])
    expect(forecastFor(forecast, 'sales')!.bands.mean).toEqual([10])
    expect(forecastFor(forecast, 'other')).toBeNull()
    expect(forecastFor(null, 'sales')).toBeNull()
  })
})
