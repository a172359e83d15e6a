import type { Metrics, ModelEvaluation } from '../../api/requests/models'
import type { SeriesInput } from '../../../worker/pipeline/index'
import type { Evaluated } from '../../../worker/tasks/evaluate-worker'
import type { ForecastMetrics } from '../../../worker/forecast/index'

/** The pipeline's result as the Forecast screen draws it (plain JSON, stored as evaluation.json). */
export function evaluationView(
  modelId: string,
  name: string,
  target: string,
  series: SeriesInput,
  result: Evaluated,
  config: Record<string, unknown>,
  validationStart: number,
  testStart: number,
): ModelEvaluation {
  const test = result.test
  return {
    modelId,
    name,
    target,
    frequency: series.frequency ?? null,
    timestamps: series.timestamps ? Array.from(series.timestamps) : null,
    actual: Array.from(series.target, (value) => (Number.isFinite(value) ? value : null)),
    validationStart,
    testStart,
    test: {
      start: test?.start ?? testStart,
      mean: test ? Array.from(test.forecast) : [],
      lower80: test ? Array.from(test.lower[80] ?? []) : [],
      upper80: test ? Array.from(test.upper[80] ?? []) : [],
      lower95: test ? Array.from(test.lower[95] ?? []) : [],
      upper95: test ? Array.from(test.upper[95] ?? []) : [],
    },
    fitted: {
      start: result.fitted.start,
      values: result.fitted.values.map((value) => (Number.isFinite(value) ? value : Number.NaN)),
    },
    metrics: {
      validation: result.validation ? metricsOf(result.validation.metrics) : null,
      test: test ? metricsOf(test.metrics) : emptyMetrics(),
    },
    baselines: test
      ? Object.entries(test.baselines)
          .filter(([, score]) => score.metrics !== null)
          .map(([baseline, score]) => ({ name: baseline, test: metricsOf(score.metrics as ForecastMetrics) }))
      : [],
    coverage: {
      level80: test?.metrics.coverage[80] ?? null,
      level95: test?.metrics.coverage[95] ?? null,
    },
    backtest: result.backtest
      ? {
          origins: result.backtest.perOrigin.map((origin) => ({
            origin: origin.origin,
            metrics: metricsOf(origin.metrics),
          })),
          overall: metricsOf(result.backtest.overall),
        }
      : null,
    config,
    notes: [...result.notes, ...(test?.metrics.notes ?? [])],
  }
}

function metricsOf(metrics: Pick<ForecastMetrics, 'mae' | 'rmse' | 'mape' | 'smape' | 'mase'>): Metrics {
  return {
    mae: metrics.mae,
    rmse: metrics.rmse,
    mape: metrics.mape,
    smape: metrics.smape,
    mase: metrics.mase,
  }
}

function emptyMetrics(): Metrics {
  return { mae: Number.NaN, rmse: Number.NaN, mape: null, smape: Number.NaN, mase: null }
}
