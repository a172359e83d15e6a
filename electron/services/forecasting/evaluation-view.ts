import type { IntervalScores, Metrics, ModelEvaluation, TargetEvaluation } from '../../api/requests/models'
import type {
  FittedValues,
  ForecastRunResult,
  SeriesInput,
  TargetJudgement,
} from '../../../worker/pipeline/index'
import type { ForecastMetrics } from '../../../worker/statistics/index'

/** The pipeline's result as the Forecast screen draws it (plain JSON, stored as evaluation.json). */
export function evaluationView(
  modelId: string,
  name: string,
  series: SeriesInput,
  result: ForecastRunResult,
  config: Record<string, unknown>,
): ModelEvaluation {
  const { validationStart, testStart } = result.split
  return {
    modelId,
    name,
    frequency: series.frequency ?? null,
    timestamps: series.timestamps ? Array.from(series.timestamps) : null,
    validationStart,
    testStart,
    finalFit: result.finalFit,
    targets: result.targets.map((judged, t) => ({
      ...targetBlock(judged, series.targets[t]?.values ?? [], testStart),
      fitted: fittedView(result.fitted[t]),
    })),
    config,
    notes: [
      ...result.notes,
      ...result.targets.flatMap((judged) =>
        (judged.test?.metrics.notes ?? []).map((note) => `${judged.name}: ${note}`),
      ),
    ],
  }
}

function fittedView(fitted: FittedValues | undefined): TargetEvaluation['fitted'] {
  if (!fitted) return null
  return {
    start: fitted.start,
    values: fitted.values.map((value) => (Number.isFinite(value) ? value : Number.NaN)),
  }
}

/** Test forecasts, metrics, baselines, coverage and backtest of one target. */
function targetBlock(
  judged: TargetJudgement & { name: string },
  values: ArrayLike<number>,
  testStart: number,
): Omit<TargetEvaluation, 'fitted'> {
  const test = judged.test
  return {
    target: judged.name,
    actual: Array.from(values, (value) => (Number.isFinite(value) ? value : null)),
    test: {
      start: test?.start ?? testStart,
      mean: test ? Array.from(test.forecast) : [],
      lower80: test ? Array.from(test.lower[80] ?? []) : [],
      upper80: test ? Array.from(test.upper[80] ?? []) : [],
      lower95: test ? Array.from(test.lower[95] ?? []) : [],
      upper95: test ? Array.from(test.upper[95] ?? []) : [],
    },
    metrics: {
      validation: judged.validation ? metricsOf(judged.validation.metrics) : null,
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
    intervalScore: {
      model: intervalScoresOf(test?.metrics),
      ets: test?.baselines.ets?.metrics ? intervalScoresOf(test.baselines.ets.metrics) : null,
    },
    backtest: judged.backtest
      ? {
          origins: judged.backtest.perOrigin.map((origin) => ({
            origin: origin.origin,
            metrics: metricsOf(origin.metrics),
          })),
          overall: metricsOf(judged.backtest.overall),
          refit: judged.backtest.refit,
        }
      : null,
  }
}

function intervalScoresOf(metrics: ForecastMetrics | undefined): IntervalScores {
  const finite = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value : null)
  return { level80: finite(metrics?.intervalScore?.[80]), level95: finite(metrics?.intervalScore?.[95]) }
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
