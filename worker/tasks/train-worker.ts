import { attachedJob } from './attached-job'
import { claimShards } from './claim-shards'
import type { WorkerResult, WorkerTask } from './task-types'

/**
 * Piscina worker entry of the training pool. A task asks for the shards of one mini-batch
 * (gradients) or of the validation set (losses) of a job; the numbers live in the job's
 * shared buffers, so nothing heavier than a few integers travels through messages.
 */
export default async function runTrainingTask(task: WorkerTask): Promise<WorkerResult> {
  const pending = attachedJob(task.jobKey, task.memory)
  if (!pending) return { kind: 'detached' }
  const job = await pending
  return { kind: 'done', shards: claimShards(job, task), backend: job.backend.name }
}

/** Named task: ETS and Theta of a chunk of a panel's series (piscina's `name: 'companions'`). */
export { companions } from './companion-task'
