import {
  backtestOrigins,
  rollingOriginBacktest,
  type BacktestResult,
  type ForecasterOutput,
} from '../forecast/index'
import { conformalIntervals } from '../forecast/index'
import { predictOriginal } from './predict'
import { calibrationOf, targetValues } from './targets'
import type { TrainedRun } from './run'
import type { PipelineConfig, SeriesInput } from './types'

/** Trains a fresh network on a shorter series (backtest refits). */
export type Retrain = (series: SeriesInput, config: PipelineConfig) => Promise<TrainedRun>

export interface PipelineBacktest extends BacktestResult {
  refit: boolean
}

function bandsOf(run: TrainedRun, mean: Float64Array, which: number): ForecasterOutput {
  const lower: Record<number, Float64Array> = {}
  const upper: Record<number, Float64Array> = {}
  for (const band of conformalIntervals(calibrationOf(run.model, which), mean)) {
    lower[band.level] = band.lower
    upper[band.level] = band.upper
  }
  return { mean, lower, upper }
}

function truncate(series: SeriesInput, end: number): SeriesInput {
  const cut = (values: ArrayLike<number>) => Array.prototype.slice.call(values, 0, end) as number[]
  return {
    ...series,
    target: cut(series.target),
    timestamps: series.timestamps ? cut(series.timestamps) : null,
    extraTargets: series.extraTargets?.map((c) => ({ name: c.name, values: cut(c.values) })),
    pastCovariates: series.pastCovariates?.map((c) => ({ name: c.name, values: cut(c.values) })),
    futureCovariates: series.futureCovariates?.map((c) => ({ name: c.name, values: c.values })),
  }
}

/** Forecast from each origin, either with the trained network or with one refitted on the data before it. */
async function originForecasts(
  series: SeriesInput,
  run: TrainedRun,
  origins: number[],
  retrain: Retrain,
  which: number,
) {
  const { config } = run.prepared.state
  const H = config.horizon
  const target = targetValues(series)[which]
  if (!config.backtest.refit) {
    const zOrigins = origins.map((origin) => origin - run.prepared.zc.lag)
    return predictOriginal(run.predictor, run.prepared.zc, target, zOrigins, H, which).map((f) =>
      bandsOf(run, f, which),
    )
  }
  const outputs: ForecasterOutput[] = []
  for (const origin of origins) {
    const noTest = { ...config, split: { ...config.split, test: { count: 0 } } }
    const refitted = await retrain(truncate(series, origin), noTest)
    const zOrigin = origin - refitted.prepared.zc.lag
    const mean = predictOriginal(refitted.predictor, refitted.prepared.zc, target, [zOrigin], H, which)[0]
    outputs.push(bandsOf(refitted, mean, which))
  }
  return outputs
}

/** Rolling-origin evaluation over the configured number of origins, `horizon` apart, ending at the data's end. */
export async function runBacktest(
  series: SeriesInput,
  run: TrainedRun,
  retrain: Retrain,
  notes: string[],
  which = 0,
): Promise<PipelineBacktest | null> {
  const { config } = run.prepared.state
  const H = config.horizon
  const n = series.target.length
  try {
    const origins = backtestOrigins(n, H, config.backtest.origins, H)
    const forecasts = await originForecasts(series, run, origins, retrain, which)
    const result = rollingOriginBacktest(targetValues(series)[which], {
      horizon: H,
      origins: config.backtest.origins,
      m: run.prepared.state.period,
      refit: config.backtest.refit,
      forecaster: (_history, _h, context) => forecasts[context.originIndex],
    })
    return { ...result, refit: config.backtest.refit }
  } catch (error) {
    notes.push(`Backtest skipped: ${(error as Error).message}`)
    return null
  }
}
