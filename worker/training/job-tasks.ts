import type { JobMemory, WorkerResult, WorkerTask } from '../tasks/task-types'

/** The part of a piscina pool a job needs (an interface so the pool can be shared and faked). */
export interface TaskPool {
  run(task: WorkerTask): Promise<WorkerResult>
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
export type TaskSpec = DistributiveOmit<WorkerTask, 'jobKey' | 'memory'>

/** A task failed in the pool (the worker threw, or died and piscina replaced it). */
export class WorkerTaskError extends Error {
  constructor(cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause)
    // piscina reports a thread that died as "worker exited with code: N"; say what that means.
    super(/exited/i.test(message) ? `the worker thread died (${message})` : message, { cause })
    this.name = 'WorkerTaskError'
  }
}

/**
 * Runs a job's dispatches on the shared pool: the same task goes to up to `concurrency`
 * workers, which claim its shards from the job's shared counter. The job's shared memory goes
 * to a worker only when that worker reports it has not seen the job.
 */
export class JobTasks {
  backendName: string | null = null
  private readonly claims: Int32Array

  constructor(
    private readonly pool: TaskPool,
    private readonly jobKey: string,
    private readonly memory: JobMemory,
    private readonly concurrency: number,
  ) {
    this.claims = new Int32Array(memory.claims)
  }

  /**
   * Computes every shard of `spec`; their results are in the shared slots afterwards. On a
   * failure all copies are awaited first (so none writes into a slot later), then it throws.
   */
  async dispatch(spec: TaskSpec): Promise<void> {
    const shards = Math.ceil(spec.count / spec.shardSize)
    // Safe: every copy of the previous dispatch has settled.
    Atomics.store(this.claims, 0, 0)
    const copies = Math.max(1, Math.min(this.concurrency, shards))
    const settled = await Promise.allSettled(Array.from({ length: copies }, () => this.runOne(spec)))
    const failure = settled.find((result) => result.status === 'rejected')
    if (failure) throw new WorkerTaskError(failure.reason)
  }

  private async runOne(spec: TaskSpec): Promise<void> {
    let result = await this.pool.run({ ...spec, jobKey: this.jobKey })
    if (result.kind === 'detached') {
      result = await this.pool.run({ ...spec, jobKey: this.jobKey, memory: this.memory })
    }
    if (result.kind !== 'done') throw new Error('Worker did not attach the job memory it was sent')
    this.backendName = result.backend
  }
}
