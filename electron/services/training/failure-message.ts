import { NonFiniteError } from '../../../worker/engine/index'
import { WorkerTaskError } from '../../../worker/training/job-tasks'

export interface FailureContext {
  /** 0-based position of the failure; batch === batches means the epoch's validation. */
  epoch: number
  batch: number
  batches: number
  /** How many times the failed pool work was tried. */
  attempts: number
  /** Epochs in the last checkpoint on disk, or null when the job keeps none. */
  checkpointEpochs: number | null
}

/** File-system errors that mean the run folder cannot take the checkpoint (full, read-only, forbidden). */
const DISK_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO'])

/** The message a user reads when a job fails: where, why, and what to try. */
export function describeFailure(error: unknown, context: FailureContext): string {
  const { epoch, batch, batches } = context
  const where =
    batch >= batches ? `the validation of epoch ${epoch + 1}` : `epoch ${epoch + 1}, batch ${batch + 1}`
  const kept = context.checkpointEpochs
    ? ` The last good checkpoint (epoch ${context.checkpointEpochs}) was kept.`
    : ''
  if (error instanceof NonFiniteError) {
    return `Training diverged at ${where}: ${error.message}. Try a lower learning rate or gradient clipping.${kept}`
  }
  if (error instanceof WorkerTaskError) {
    return `A training worker failed at ${where} (${context.attempts} attempts): ${error.message}.${kept}`
  }
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && DISK_CODES.has(code)) {
    return `Training stopped: a checkpoint could not be saved (${(error as Error).message}). Free some disk space or fix the run folder's permissions, then resume the run from its last checkpoint.`
  }
  return `Training failed: ${error instanceof Error ? error.message : String(error)}`
}
