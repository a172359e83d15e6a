import type { BackendKind } from '../engine/backend-choice'
import type { TrainEpoch, Trainer } from '../training/trainer'
import { runBacktests } from './backtest'
import { analyseTargets } from './evaluate'
import { finalFit, type FinalFit } from './final-fit'
import { fittedValues, type FittedValues } from './fitted'
import { forecastAhead, type FutureForecast } from './forecast-ahead'
import { judgeTarget, type TargetJudgement } from './judge'
import { prepare, type Prepared } from './prepare'
import type { Predictor } from './predict'
import { trainNetwork, type RunStage, type TrainedNetwork } from './training'
import type { PipelineConfig, PipelineState, SeriesInput, TrainedModel } from './types'
import { validationScoreOf } from './validation-score'

export interface RunOptions {
  /** Who trains the networks: the pool everywhere a person waits, this thread in tests. */
  trainer?: Trainer
  backend?: BackendKind
  /** This training's place in the run (candidate, fold…), for naming its networks. */
  role?: RunStage
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
  /** The network that forecasts the future: trained on every point, after evaluation chose its epochs. */
  model: TrainedModel
  /** What that final network was trained on. */
  finalFit: FinalFit
  /** One-step-ahead forecasts of the evaluated network over train and validation, per target. */
  fitted: FittedValues[]
  /** Where the evaluation's validation and test parts start (row indices of the series). */
  split: { validationStart: number; testStart: number }
  training: TrainingSummary
  /** Validation error over every origin and step: one target's in its units, several targets' relative (validation-score.ts). */
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
    validationScore: validationScoreOf(
      series,
      prepared.split.train.end,
      prepared.state.period,
      analyses.map((analysis) => analysis.score),
    ),
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

/**
 * Scores a trained run on validation and test, against the baselines (all measured by the
 * network that did not see them), then trains the final network on all the data, which
 * forecasts ahead.
 */
export async function completeRun(
  series: SeriesInput,
  run: TrainedRun,
  options: RunOptions = {},
): Promise<PipelineResult> {
  const { prepared, network } = run
  const notes: string[] = []
  if (run.model.calibrations.every((calibration) => calibration.counts.every((count) => count === 0)))
    notes.push('No validation part: no early stopping and unbounded intervals.')
  const retrain = (shorter: SeriesInput, config: PipelineConfig) =>
    trainOnSeries(shorter, config, {
      ...options,
      onEpoch: undefined,
      role: { ...options.role, stage: 'backtest' },
    })
  const backtests = options.quick ? [] : await runBacktests(series, run, retrain, notes)
  const targets = series.targets.map((target, t) => ({
    name: target.name,
    ...judgeTarget(series, run, t, options, backtests[t] ?? null),
  }))
  const final = await finalFit(series, run, options)
  notes.push(...floorNotes(run.model.state, final.model.state))
  if (final.fit.skipped)
    notes.push(
      `Stopped before the final fit: the forecast ahead comes from the network trained on the first ${final.fit.observations} points.`,
    )
  const result: PipelineResult = {
    model: final.model,
    finalFit: final.fit,
    fitted: fittedValues(run, series),
    split: { validationStart: prepared.split.validation.start, testStart: prepared.split.test.start },
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
    forecast: await forecastAhead(final.model, series, { backend: options.backend }),
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

/**
 * What the floors did. The judged network's floor comes from its training part and the final
 * model's from every point, so a series that went below its early minimum only later (a trend
 * crossing 0) had its test part floored while its forecast ahead is not.
 */
function floorNotes(judged: PipelineState, final: PipelineState): string[] {
  return judged.targets.flatMap(({ name, lowerBound }, t) => {
    if (lowerBound === undefined) return []
    if (final.targets[t]?.lowerBound === lowerBound)
      return [
        `Forecasts and interval lower bounds of "${name}" are floored at ${lowerBound}: it was never below that.`,
      ]
    return [
      `The test part's forecasts and interval lower bounds of "${name}" were floored at ${lowerBound}, as it was never ` +
        'below that before validation; it went below later, so the forecast ahead is not floored.',
    ]
  })
}
