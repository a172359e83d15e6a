import type { TrainSettings } from '../../../worker/training/settings'
import type { ShardedTrainer } from '../../../worker/training/sharded-trainer'
import {
  decodeOptimizerState,
  LAST_CHECKPOINT_FORMAT,
  decodeParams,
  encodeOptimizerState,
  lossHistoryCsv,
  type BestCheckpoint,
  type LastCheckpoint,
} from './checkpoint-format'
import { readBestCheckpoint, readLastCheckpoint, type CheckpointWriter } from './checkpoint-writer'
import { encodeFloats } from './float-codec'

export interface CheckpointContext {
  jobId: string
  settings: TrainSettings
  windows: { train: number; validation: number }
}

/** Snapshots the trainer synchronously (the weights keep changing) and queues the writes. */
export function saveEpochCheckpoint(
  writer: CheckpointWriter,
  context: CheckpointContext,
  trainer: ShardedTrainer,
  newBest: boolean,
): void {
  const last: LastCheckpoint = {
    format: LAST_CHECKPOINT_FORMAT,
    ...context,
    epochsDone: trainer.history.length,
    history: [...trainer.history],
    params: encodeFloats(trainer.params),
    optimizer: encodeOptimizerState(trainer.optimizer.toJSON()),
  }
  const best: BestCheckpoint | null =
    newBest && trainer.bestParams && trainer.best.bestEpoch !== null
      ? {
          format: 'lstm-studio-best-weights/1',
          epoch: trainer.best.bestEpoch,
          loss: trainer.best.bestLoss,
          params: encodeFloats(trainer.bestParams),
        }
      : null
  writer.saveEpoch(last, best, lossHistoryCsv(trainer.history))
}

/**
 * Loads the last checkpoint of `dir` into a freshly built trainer so that training continues
 * exactly as if it had never stopped. Returns the best flags of the restored epochs.
 */
export async function restoreCheckpoint(
  dir: string,
  context: CheckpointContext,
  trainer: ShardedTrainer,
): Promise<boolean[]> {
  const last = await readLastCheckpoint(dir)
  if (JSON.stringify(last.settings.spec) !== JSON.stringify(context.settings.spec)) {
    throw new Error('The checkpoint was made for a different model (layers, inputs or horizon changed)')
  }
  if (last.settings.lookback !== context.settings.lookback || last.windows.train !== context.windows.train) {
    throw new Error('The checkpoint was made on different training windows (lookback or data changed)')
  }
  trainer.params.set(decodeParams(last.params, trainer.params.length, 'checkpoint weights'))
  trainer.optimizer.load(decodeOptimizerState(last.optimizer))
  const flags = trainer.replay(last.history)
  const best = await readBestCheckpoint(dir)
  if (best) trainer.bestParams = decodeParams(best.params, trainer.params.length, 'best weights')
  return flags
}
