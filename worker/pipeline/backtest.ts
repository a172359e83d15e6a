import {
  backtestOrigins,
  rollingOriginBacktest,
  type BacktestResult,
  type ForecasterOutput,
} from '../statistics/index'
import { predictOriginalAll } from './predict'
import { intervalContext, targetIntervals } from './target-intervals'
import { calibrationOf, seriesLength, targetValues, valuesBefore } from './targets'
import type { TrainedRun } from './run'
import type { PipelineConfig, SeriesInput } from './types'

/** Trains a fresh network on a shorter series (backtest refits). */
export type Retrain = (series: SeriesInput, config: PipelineConfig) => Promise<TrainedRun>

export interface PipelineBacktest extends BacktestResult {
  refit: boolean
}

/** `history`: the target's raw values before the origin. */
function bandsOf(
  run: TrainedRun,
  mean: Float64Array,
  which: number,
  history: ArrayLike<number>,
): ForecasterOutput {
  const lower: Record<number, Float64Array> = {}
  const upper: Record<number, Float64Array> = {}
  const context = intervalContext(run.model.state, which, history)
  for (const band of targetIntervals(calibrationOf(run.model, which), mean, context)) {
    lower[band.level] = band.lower
    upper[band.level] = band.upper
  }
  return { mean, lower, upper }
}

function truncate(series: SeriesInput, end: number): SeriesInput {
  const cut = (values: ArrayLike<number>) => valuesBefore(values, end)
  return {
    ...series,
    targets: series.targets.map((c) => ({ name: c.name, values: cut(c.values) })),
    timestamps: series.timestamps ? cut(series.timestamps) : null,
    pastCovariates: series.pastCovariates?.map((c) => ({ name: c.name, values: cut(c.values) })),
    futureCovariates: series.futureCovariates?.map((c) => ({ name: c.name, values: c.values })),
  }
}

/**
 * Every target's forecasts from each origin ([target][origin]), either with the trained network
 * or with one refitted on the data before the origin (one refit serves every target).
 */
async function originForecasts(series: SeriesInput, run: TrainedRun, origins: number[], retrain: Retrain) {
  const { config } = run.prepared.state
  const H = config.horizon
  const targets = targetValues(series)
  const perOrigin: ForecasterOutput[][] = []
  if (!config.backtest.refit) {
    const zOrigins = origins.map((origin) => origin - run.prepared.zc.lag)
    predictOriginalAll(run.predictor, run.prepared.zc, targets, zOrigins, H).forEach((means, i) =>
      perOrigin.push(means.map((mean, t) => bandsOf(run, mean, t, valuesBefore(targets[t], origins[i])))),
    )
  } else {
    for (const origin of origins) {
      const noTest = { ...config, split: { ...config.split, test: { count: 0 } } }
      const refitted = await retrain(truncate(series, origin), noTest)
      const zOrigin = origin - refitted.prepared.zc.lag
      const [means] = predictOriginalAll(refitted.predictor, refitted.prepared.zc, targets, [zOrigin], H)
      perOrigin.push(means.map((mean, t) => bandsOf(refitted, mean, t, valuesBefore(targets[t], origin))))
    }
  }
  return targets.map((_, t) => perOrigin.map((outputs) => outputs[t]))
}

/**
 * Rolling-origin evaluation over the configured number of origins, `horizon` apart, ending at the
 * data's end: one result per target, or nulls with a note when it cannot run.
 */
export async function runBacktests(
  series: SeriesInput,
  run: TrainedRun,
  retrain: Retrain,
  notes: string[],
): Promise<(PipelineBacktest | null)[]> {
  const { config } = run.prepared.state
  const H = config.horizon
  const targets = targetValues(series)
  // Zero origins is the analyst's "no backtest", not a failure worth a note.
  if (config.backtest.origins === 0) return targets.map(() => null)
  try {
    const origins = backtestOrigins(seriesLength(series), H, config.backtest.origins, H)
    const forecasts = await originForecasts(series, run, origins, retrain)
    return targets.map((values, t) => {
      const result = rollingOriginBacktest(values, {
        horizon: H,
        origins: config.backtest.origins,
        m: run.prepared.state.period,
        refit: config.backtest.refit,
        forecaster: (_history, _h, context) => forecasts[t][context.originIndex],
      })
      return { ...result, refit: config.backtest.refit }
    })
  } catch (error) {
    notes.push(`Backtest skipped: ${(error as Error).message}`)
    return targets.map(() => null)
  }
}
