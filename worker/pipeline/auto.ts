import { autoConfig, whyNoNetwork, whyNotTried, type AutoRuleOptions } from './auto-config'
import { statisticalRun } from './statistical-run'
import { periodOf } from './prepare'
import { seriesLength } from './targets'
import { isResidualMode, TARGET_MODES } from './target-mode'
import {
  chooseCombination,
  fixedCombinationNote,
  withState,
  type CombinationRule,
  type CombinationScore,
} from './choose-combination'
import type { CombinationWeights } from './combination'
import { earlierFolds, pooledValidation, type PooledValidation } from './folds'
import { completeRun, trainOnSeries, type PipelineResult, type RunOptions, type TrainedRun } from './run'
import type { PipelineConfig, SeriesInput, TargetMode } from './types'

/**
 * The Auto preset. Every rule reads only the series' length and seasonal period, never its name.
 * It trains the same network twice, on z-scored levels and on the residual of a seasonal-naive
 * forecast, and keeps whichever has the lower validation error; the test part decides nothing.
 */

export interface AutoOptions extends RunOptions, AutoRuleOptions {
  /** Restrict the candidates, e.g. to force one mode. */
  modes?: TargetMode[]
  /** Retrain the chosen network on training + validation data for its early-stopped epoch count. */
  refit?: boolean
}

export interface AutoCandidate {
  targetMode: TargetMode
  /** Mean absolute validation error pooled over every fold (original units). */
  validationScore: number
  epochsRun: number
  /** Validation folds the candidate was judged on (the main split and earlier ones). */
  folds: number
}

export interface AutoResult {
  chosen: TargetMode
  config: PipelineConfig
  candidates: AutoCandidate[]
  /** The chosen network combined with ETS at each share tried, and the one kept. */
  combinations: CombinationScore[]
  combination: CombinationWeights
  /** How the weights were picked (choose-combination.ts); absent for a statistical forecast. */
  combinationRule?: CombinationRule
  /** 'statistical': the series is too short for any network; ETS forecast it (see the notes). */
  method: 'network' | 'statistical'
  result: PipelineResult
}

/** Shares of the residual correction Auto tries; 0 is plain seasonal naive. */
const RESIDUAL_WEIGHTS = [0, 0.25, 0.5, 0.75, 1]

/**
 * Scores a mode on every fold's validation part. In residual mode it also shrinks the network's
 * correction towards seasonal naive by the share that scores best there: a correction that does
 * not help out of sample is damped instead of trusted. Share 0 is seasonal naive itself, so the
 * residual candidate never scores worse than seasonal naive on validation.
 */
export function judgeOnFolds(series: SeriesInput, main: TrainedRun, earlier: TrainedRun[]): TrainedRun {
  const residual = isResidualMode(main.prepared.state.config.targetMode)
  const weights = residual ? RESIDUAL_WEIGHTS : [main.prepared.state.config.residualWeight]
  const scored = weights.map((residualWeight) => ({
    residualWeight,
    analysis: pooledValidation(series, [main, ...earlier], residualWeight),
  }))
  const best = scored.reduce((a, b) => (b.analysis.score < a.analysis.score ? b : a))
  const state = {
    ...main.prepared.state,
    config: { ...main.prepared.state.config, residualWeight: best.residualWeight },
  }
  return adopt(withState(main, state), best.analysis)
}

/** The run judged by the pooled folds: its score, and every target's intervals calibrated there. */
function adopt(run: TrainedRun, pooled: PooledValidation): TrainedRun {
  return {
    ...run,
    model: { ...run.model, calibrations: pooled.calibrations },
    validationScore: pooled.score,
  }
}

/**
 * The mode's network on the main split and on each earlier fold, judged on all of them. Every
 * fold is requested at once, so a pool trains them side by side.
 */
async function trainCandidate(series: SeriesInput, config: PipelineConfig, options: AutoOptions) {
  const candidate = config.targetMode
  const folds = earlierFolds(config, seriesLength(series), periodOf(series))
  const [main, ...earlier] = await Promise.all([
    trainOnSeries(series, config, { ...options, role: { candidate, stage: 'train' } }),
    ...folds.map((fold, j) =>
      trainOnSeries(series, fold, {
        ...options,
        onEpoch: undefined,
        role: { candidate, stage: 'fold', fold: j + 2 },
      }),
    ),
  ])
  // A fold the run was stopped before training says nothing about the candidate.
  const trained = earlier.filter((run) => !run.network.skipped)
  return { run: judgeOnFolds(series, main, trained), earlier: trained, folds: 1 + trained.length }
}

/**
 * The validation part is the most recent data before the test; once it has chosen the mode and
 * the epoch counts, the network is retrained on it too. Transforms are refitted on the longer
 * training part; the intervals keep the calibration measured on validation before the refit.
 */
async function refitWithValidation(
  series: SeriesInput,
  run: TrainedRun,
  options: AutoOptions,
): Promise<TrainedRun> {
  // Each member is retrained from its own seed for the epochs its own early stopping chose; a
  // residual member whose untrained start (seasonal naive) was best stays there.
  const memberEpochs = run.network.members.map((member) => member.bestEpoch + 1)
  if (memberEpochs.every((epochs) => epochs < 1)) return run
  const config = run.prepared.state.config
  if (isResidualMode(config.targetMode) && config.residualWeight === 0) return run
  const refitConfig: PipelineConfig = {
    ...config,
    epochs: Math.max(...memberEpochs),
    patience: 0,
    split: { validation: { count: 0 }, test: config.split.test },
  }
  const refitted = await trainOnSeries(series, refitConfig, {
    ...options,
    onEpoch: undefined,
    memberEpochs,
    role: { candidate: config.targetMode, stage: 'refit' },
  })
  if (refitted.network.skipped) return run
  const state = { ...refitted.prepared.state, config }
  const model = {
    ...refitted.model,
    state,
    calibrations: run.model.calibrations,
  }
  return {
    ...refitted,
    prepared: { ...refitted.prepared, state },
    predictor: { ...refitted.predictor, state },
    model,
    validationScore: run.validationScore,
  }
}

export async function runAuto(series: SeriesInput, options: AutoOptions = {}): Promise<AutoResult> {
  const reason = whyNoNetwork(series, options)
  if (reason !== null) {
    const { config, result } = await statisticalRun(series, reason, options)
    const combination = config.combination!
    return {
      chosen: 'level',
      config,
      candidates: [],
      combinations: [],
      combination,
      method: 'statistical',
      result,
    }
  }
  const wanted = options.modes ?? [...TARGET_MODES]
  const untried = wanted.map((mode) => whyNotTried(series, mode, options))
  const modes = wanted.filter((_, i) => untried[i] === null)
  const skipped = untried.filter((reason): reason is string => reason !== null)
  if (modes.length === 0) throw new RangeError(skipped.join(' '))
  const runs = await Promise.all(
    modes.map(async (mode) => {
      const { run, earlier, folds } = await trainCandidate(series, autoConfig(series, mode, options), options)
      return { mode, run, earlier, folds }
    }),
  )
  const best = runs.reduce((a, b) => (b.run.validationScore < a.run.validationScore ? b : a))
  const combined = chooseCombination(series, [best.run, ...best.earlier])
  const judged = adopt(combined.main, combined.analysis)
  const final = options.refit === false ? judged : await refitWithValidation(series, judged, options)
  const result = await completeRun(series, final, {
    ...options,
    role: { candidate: best.mode, stage: 'final' },
  })
  const autoNotes = [
    ...skipped,
    ...(combined.rule === 'fixed' ? [fixedCombinationNote(seriesLength(series))] : []),
  ]
  return {
    chosen: best.mode,
    config: judged.prepared.state.config,
    combinations: combined.scores,
    combination: combined.chosen.weights,
    combinationRule: combined.rule,
    method: 'network',
    candidates: runs.map(({ mode, run, folds }) => ({
      targetMode: mode,
      validationScore: run.validationScore,
      epochsRun: run.network.outcome.epochsRun,
      folds,
    })),
    result: { ...result, notes: [...autoNotes, ...result.notes] },
  }
}
