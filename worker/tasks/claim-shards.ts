import type { AttachedJob } from './attached-job'
import { injectFault } from './fault-hook'
import { shardEvaluate } from './shard-evaluate'
import { shardGradient } from './shard-gradient'
import type { WorkerTask } from './task-types'

/**
 * Claims shards of the task's range from the job's shared counter until none is left, and
 * stores each shard's loss in its slot. Returns how many shards this worker computed.
 */
export function claimShards(job: AttachedJob, task: WorkerTask): number {
  const shards = Math.ceil(task.count / task.shardSize)
  let computed = 0
  for (;;) {
    const shard = Atomics.add(job.claims, 0, 1)
    if (shard >= shards) return computed
    if (task.fault?.shard === shard) injectFault(task.fault.kind)
    const from = task.from + shard * task.shardSize
    const count = Math.min(task.shardSize, task.from + task.count - from)
    job.losses[shard] =
      task.kind === 'gradient'
        ? shardGradient(job, from, count, shard, task.dropoutSeeds[shard])
        : shardEvaluate(job, from, count)
    computed++
  }
}
