import type { LossKind, ModelSpec, OptimizerConfig, ScheduleConfig } from '../engine/index'
import type { BackendKind } from '../tasks/task-types'

/**
 * Everything the training loop needs besides the data: one definition for every caller (the
 * pipeline, the app's pool jobs, the command line, the benchmarks and the tests).
 */
export interface TrainSettings {
  spec: ModelSpec
  /** Window length T. */
  lookback: number
  batchSize: number
  epochs: number
  /** Epochs without improvement of the monitored loss before stopping; 0 = run every epoch. */
  patience: number
  optimizer: OptimizerConfig
  schedule: ScheduleConfig
  /** Global gradient-norm clipping threshold; 0 = none. */
  clipNorm: number
  loss: LossKind
  /** Drives initialisation, the per-epoch shuffle and the dropout masks. */
  seed: number
  backend: BackendKind
  /** Truncated BPTT window; 0 = the full lookback. */
  truncateSteps: number
  /**
   * Windows per gradient shard. Fixed per job (never derived from the worker count) so that a
   * run gives the same losses on 1 or N workers.
   */
  shardSize: number
}

/** Default windows per shard: a quarter of the batch (at least 8), never tied to the worker count. */
export function defaultShardSize(batchSize: number): number {
  return Math.max(8, Math.ceil(batchSize / 4))
}

/**
 * Settings of a plain training run — no early stopping, clipping, schedule or truncation, MSE,
 * Adam — with what a caller needs stated: the network, its window length, batch, epochs, seed.
 */
export function plainTrainSettings(
  required: Pick<TrainSettings, 'spec' | 'lookback' | 'batchSize' | 'epochs' | 'seed'>,
  overrides: Partial<TrainSettings> = {},
): TrainSettings {
  return {
    patience: 0,
    optimizer: { name: 'adam', lr: 1e-2 },
    schedule: { kind: 'constant' },
    clipNorm: 0,
    loss: 'mse',
    backend: 'auto',
    truncateSteps: 0,
    shardSize: defaultShardSize(required.batchSize),
    ...required,
    ...overrides,
  }
}
