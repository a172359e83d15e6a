import type { BackendChoice } from './backend'
import { runBacktests } from './backtest'
import { analyseTargets } from './evaluate'
import { forecastAhead, type FutureForecast } from './forecast-ahead'
import { judgeTarget, type TargetJudgement } from './judge'
import { prepare, type Prepared } from './prepare'
import type { Predictor } from './predict'
import type { TrainEpoch, Trainer } from './trainer'
import { trainNetwork, type TrainedNetwork } from './training'
import type { PipelineConfig, PipelineState, SeriesInput, TrainedModel } from './types'

export interface RunOptions {
  trainer?: Trainer
  backend?: BackendChoice
  onEpoch?: (report: TrainEpoch) => void
  /** Skip the (slow) ETS and rolling backtest, e.g. while Auto compares candidates. */
  quick?: boolean
}

export interface TrainingSummary {
  epochsRun: number
  bestEpoch: number
  trainLoss: number[]
  valLoss: number[]
  backend: string
  trainWindows: number
  validationWindows: number
}

export interface PipelineResult {
  model: TrainedModel
  training: TrainingSummary
  /** Mean absolute validation error (original units) of the first target over every validation origin and step. */
  validationScore: number
  /** Every target judged on its own: validation, test beside the baselines, backtest. */
  targets: Array<TargetJudgement & { name: string }>
  forecast: FutureForecast
  notes: string[]
}

export interface TrainedRun {
  prepared: Prepared
  network: TrainedNetwork
  model: TrainedModel
  predictor: Predictor
  validationScore: number
}

/** Prepare, train and calibrate: the part every caller (Auto, backtest refits) needs. */
export async function trainOnSeries(
  series: SeriesInput,
  config: PipelineConfig,
  options: RunOptions & {
    initialParams?: Float32Array | Float64Array
    fixedState?: PipelineState
    memberEpochs?: number[]
  } = {},
): Promise<TrainedRun> {
  const prepared = prepare(series, config, options.fixedState)
  const network = await trainNetwork(prepared, options)
  const predictor: Predictor = {
    backend: network.backend,
    params: network.outcome.params,
    state: prepared.state,
  }
  const analyses = analyseTargets(predictor, prepared, series)
  const timestamps = series.timestamps
  const run: TrainedRun = {
    prepared,
    network,
    predictor,
    validationScore: analyses[0].score,
    model: {
      state: prepared.state,
      params: network.outcome.params,
      calibrations: analyses.map((analysis) => analysis.calibration),
      frequency: series.frequency ?? null,
      lastTimestamp: timestamps && timestamps.length > 0 ? timestamps[timestamps.length - 1] : null,
    },
  }
  return run
}

/** Scores a trained run on validation and test, against the baselines, and forecasts ahead. */
export async function completeRun(series: SeriesInput, run: TrainedRun, options: RunOptions = {}) {
  const { prepared, network } = run
  const notes: string[] = []
  if (run.model.calibrations.every((calibration) => calibration.counts.every((count) => count === 0)))
    notes.push('No validation part: no early stopping and unbounded intervals.')
  const retrain = (shorter: SeriesInput, config: PipelineConfig) =>
    trainOnSeries(shorter, config, { ...options, onEpoch: undefined })
  const backtests = options.quick ? [] : await runBacktests(series, run, retrain, notes)
  const targets = series.targets.map((target, t) => ({
    name: target.name,
    ...judgeTarget(series, run, t, options, backtests[t] ?? null),
  }))
  const result: PipelineResult = {
    model: run.model,
    training: {
      epochsRun: network.outcome.epochsRun,
      bestEpoch: network.outcome.bestEpoch,
      trainLoss: network.outcome.trainLoss,
      valLoss: network.outcome.valLoss,
      backend: network.backend.name,
      trainWindows: prepared.trainOrigins.length,
      validationWindows: prepared.validationOrigins.length,
    },
    validationScore: run.validationScore,
    targets,
    forecast: await forecastAhead(run.model, series, { backend: options.backend }),
    notes,
  }
  return result
}

/** The whole pipeline for one configuration. */
export async function runPipeline(
  series: SeriesInput,
  config: PipelineConfig,
  options: RunOptions = {},
): Promise<PipelineResult> {
  return completeRun(series, await trainOnSeries(series, config, options), options)
}
