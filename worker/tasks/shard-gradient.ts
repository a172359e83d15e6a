import type { AttachedJob } from './attached-job'

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

/** Writes the mean-loss gradient of order[from … from+count) into gradient slot `slot`; returns the loss. */
export function shardGradient(
  job: AttachedJob,
  from: number,
  count: number,
  slot: number,
  dropoutSeed: number,
): number {
  const { spec, steps, loss, truncateSteps } = job.memory
  gatherShard(job, from, count)
  const grads = job.gradSlots.subarray(slot * job.paramCount, (slot + 1) * job.paramCount)
  return job.backend.lossAndGradients(
    job.params,
    grads,
    {
      x: job.batchX.subarray(0, count * steps * spec.inputSize),
      y: job.batchY.subarray(0, count * spec.outputSize),
      batch: count,
      steps,
    },
    { loss, truncateSteps, dropoutSeed, training: true },
  )
}
