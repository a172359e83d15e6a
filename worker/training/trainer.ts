import type { NetworkRole } from './network-role'
import type { TrainSettings } from './settings'
import type { TrainingWindows } from './windows'

/**
 * The seam between a forecasting run and whatever trains its networks. The app, the command
 * line and the benchmarks plug in the multi-threaded pool (electron/services/training/
 * pool-trainer.ts); tests and tiny jobs can train in this thread (in-process-trainer.ts). Both
 * run the same loop on the same sharded steps, so they give the same weights.
 */
export type Trainer = (request: TrainRequest) => Promise<TrainOutcome>

export interface TrainRequest {
  /** What this network is in its run (candidate, fold, member…); named beside its loss curve. */
  role: NetworkRole
  settings: TrainSettings
  /** Validation windows may carry NaN targets (past the validation part): they count for nothing. */
  windows: TrainingWindows
  /** Start from these weights instead of a fresh initialisation from the seed. */
  initialParams?: Float32Array
  /** Score the starting weights on validation first: training keeps them unless an epoch beats them. */
  scoreInitial?: boolean
  onEpoch?: (report: TrainEpoch) => void
}

export interface TrainEpoch {
  epoch: number
  trainLoss: number
  valLoss: number | null
  best: boolean
}

export interface TrainOutcome {
  /** The best weights seen (lowest validation loss, or training loss without validation). */
  params: Float32Array
  /** −1: no epoch beat the starting weights. */
  bestEpoch: number
  epochsRun: number
  trainLoss: number[]
  valLoss: number[]
  /** The run was stopped before this network could train: the weights are only its start. */
  skipped?: boolean
}

/** Ends a run the user cancelled: whatever was training is thrown away. */
export class TrainingCancelled extends Error {
  constructor(message = 'Training was cancelled') {
    super(message)
    this.name = 'TrainingCancelled'
  }
}
