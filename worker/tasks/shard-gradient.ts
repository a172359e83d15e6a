import type { AttachedJob } from './attached-job'
import type { GradientTask } from './task-types'

/** Copies the shard's windows, in the epoch's shuffled order, into the job's gather buffers. */
function gatherShard(job: AttachedJob, from: number, count: number): void {
  const xWidth = job.memory.steps * job.memory.spec.inputSize
  const yWidth = job.memory.spec.outputSize
  for (let i = 0; i < count; i++) {
    const window = job.order[from + i]
    job.batchX.set(job.trainX.subarray(window * xWidth, (window + 1) * xWidth), i * xWidth)
    job.batchY.set(job.trainY.subarray(window * yWidth, (window + 1) * yWidth), i * yWidth)
  }
}

/** Writes the shard's mean-loss gradient into its slot of the shared gradient buffer; returns the loss. */
export function shardGradient(job: AttachedJob, task: GradientTask): number {
  const { spec, steps, loss, truncateSteps } = job.memory
  gatherShard(job, task.from, task.count)
  const slot = job.gradSlots.subarray(task.slot * job.paramCount, (task.slot + 1) * job.paramCount)
  return job.backend.lossAndGradients(
    job.params,
    slot,
    {
      x: job.batchX.subarray(0, task.count * steps * spec.inputSize),
      y: job.batchY.subarray(0, task.count * spec.outputSize),
      batch: task.count,
      steps,
    },
    { loss, truncateSteps, dropoutSeed: task.dropoutSeed, training: true },
  )
}
