import { defineRequest } from '../define'
import type { NetworkRole } from '../../../worker/training/network-role'
import type { TargetMode } from '../../../worker/pipeline/target-mode'
import { trainingSourceSchema } from './training'
import type { ForecastingSettings, TrainingConfig, TrainingState } from './training'

/** The ways an Auto run trains the same network; it keeps the one with the lower validation error. */
export type CandidateMode = TargetMode
export { TARGET_MODES as CANDIDATE_MODES } from '../../../worker/pipeline/target-mode'

/** One network of a run (a candidate, a fold, an ensemble member, the final fit), as `training.status` of the run reports it. */
export interface TrainingCandidate {
  jobId: string
  /** What the network is in its run: candidate, fold, stage, ensemble member. */
  role: NetworkRole
  state: TrainingState
  epoch: number
  epochs: number
}

/** What an Auto run chose and why; stored in evaluation.json and shown on the Forecast screen. */
export interface AutoChoice {
  /** 'statistical': the series (`points` long) was too short for any network; ETS forecast it. */
  method?: 'network' | 'statistical'
  points?: number
  chosen: CandidateMode
  candidates: Array<{
    targetMode: CandidateMode
    /** Mean absolute validation error in original units; null when the candidate has no weights. */
    validationMae: number | null
    /** Share of the seasonal-naive correction kept (residual candidate); 1 for levels. */
    residualWeight: number
    epochsRun: number
    /** Validation folds the candidate was judged on (the main split and earlier ones). */
    folds?: number
    state: TrainingState
  }>
  /**
   * The chosen network combined with ETS and Theta (fitted on each fold's training part) at every
   * set of weights tried, scored on the same folds; `kept` marks the forecast's weights.
   */
  combinations?: Array<{
    network: number
    ets: number
    theta: number
    validationMae: number | null
    kept: boolean
  }>
  /**
   * How the kept weights were picked, by the series' length: 'fixed' (too few points for
   * validation to rank the network against ETS and Theta), 'clearMargin' (equal thirds unless
   * another weighting is 20 % better), 'lowest' (the lowest validation error).
   */
  combinationRule?: 'fixed' | 'clearMargin' | 'lowest'
}

/** The plan is made for what `training.start` would train on. */
export const autoPlanArgsSchema = trainingSourceSchema

/**
 * Settings the pipeline's Auto rules (worker/pipeline/auto.ts, `autoConfig`) choose from the
 * series' length and seasonal period, in the terms of `training.start`.
 */
export interface AutoPlan {
  config: TrainingConfig
  forecasting: ForecastingSettings
  /** Rows of the series and the seasonal period the rules read. */
  length: number
  period: number
  /**
   * Networks the pipeline's Auto would average. The app trains one network per candidate job
   * (the pool runs one network per job, and its curves, pause and stop are per network).
   */
  ensemble: number
  /**
   * Why no network can be trained on the series (too short), so Auto will forecast it with ETS,
   * labelled as a statistical forecast; null when a network trains.
   */
  statistical: string | null
}

export const autoTrainingRequests = {
  'training.autoPlan': defineRequest<AutoPlan>()(
    "The Auto preset's settings for a dataset's targets, from the series' length and frequency.",
    autoPlanArgsSchema,
  ),
}
