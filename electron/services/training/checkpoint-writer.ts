import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic, writeJsonAtomic } from '../storage/index'
import {
  BEST_CHECKPOINT_FILE,
  LAST_CHECKPOINT_FILE,
  LAST_CHECKPOINT_FORMAT,
  LOSS_HISTORY_FILE,
  type BestCheckpoint,
  type LastCheckpoint,
} from './checkpoint-format'

/**
 * Writes a job's checkpoints into its run folder, one write at a time and in order: the
 * snapshot is taken synchronously at the end of an epoch, the disk work then overlaps the
 * next epoch. Every file is replaced atomically, so a crash leaves the previous good one.
 */
export class CheckpointWriter {
  private queue: Promise<void> = Promise.resolve()
  private failure: unknown = null

  constructor(readonly dir: string) {}

  saveEpoch(last: LastCheckpoint, best: BestCheckpoint | null, lossCsv: string): void {
    this.enqueue(async () => {
      if (best) await writeJsonAtomic(path.join(this.dir, BEST_CHECKPOINT_FILE), best)
      await writeJsonAtomic(path.join(this.dir, LAST_CHECKPOINT_FILE), last)
      await writeFileAtomic(path.join(this.dir, LOSS_HISTORY_FILE), lossCsv)
    })
  }

  /** Removes the weights this job wrote (cancel discards them); the loss history stays. */
  discard(): void {
    this.enqueue(async () => {
      for (const file of [LAST_CHECKPOINT_FILE, BEST_CHECKPOINT_FILE]) {
        await rm(path.join(this.dir, file), { force: true })
      }
    })
  }

  /** Waits for every queued write; rejects with the first write error. */
  async flush(): Promise<void> {
    await this.queue
    if (this.failure !== null) throw this.failure
  }

  private enqueue(write: () => Promise<void>): void {
    this.queue = this.queue.then(write).catch((error: unknown) => {
      this.failure ??= error
    })
  }
}

export async function readLastCheckpoint(dir: string): Promise<LastCheckpoint> {
  const file = path.join(dir, LAST_CHECKPOINT_FILE)
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new Error(`No checkpoint to resume from in ${dir}`, { cause: error })
  })
  const checkpoint = JSON.parse(text) as LastCheckpoint
  if (String(checkpoint?.format) === 'lstm-studio-training-checkpoint/1')
    throw new Error(`${file} was written by an earlier version of LSTM Studio; start the run again`)
  if (checkpoint?.format !== LAST_CHECKPOINT_FORMAT) {
    throw new Error(`${file} is not a training checkpoint (format "${String(checkpoint?.format)}")`)
  }
  return checkpoint
}

export async function readBestCheckpoint(dir: string): Promise<BestCheckpoint | null> {
  const text = await readFile(path.join(dir, BEST_CHECKPOINT_FILE), 'utf8').catch(() => null)
  if (text === null) return null
  const best = JSON.parse(text) as BestCheckpoint
  if (best?.format !== 'lstm-studio-best-weights/1')
    throw new Error(`${BEST_CHECKPOINT_FILE} has an unknown format`)
  return best
}
