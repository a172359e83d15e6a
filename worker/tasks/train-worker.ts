import { attachedJob } from './attached-job'
import { injectFault } from './fault-hook'
import { shardEvaluate } from './shard-evaluate'
import { shardGradient } from './shard-gradient'
import type { WorkerResult, WorkerTask } from './task-types'

/**
 * Piscina worker entry of the training pool. Each task computes one shard of a mini-batch
 * (gradient) or of the validation set (loss) on the job's shared buffers; nothing heavier
 * than a few numbers travels through messages.
 */
export default async function runTrainingTask(task: WorkerTask): Promise<WorkerResult> {
  const pending = attachedJob(task.jobKey, task.memory)
  if (!pending) return { kind: 'detached' }
  const job = await pending
  injectFault(task.fault)
  const loss = task.kind === 'gradient' ? shardGradient(job, task) : shardEvaluate(job, task)
  return { kind: 'loss', loss, backend: job.backend.name }
}
