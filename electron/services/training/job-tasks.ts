import type { JobMemory, WorkerResult, WorkerTask } from '../../../worker/tasks/task-types'

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
 * Runs a job's shard tasks on the shared pool with at most `concurrency` in flight. The job's
 * shared memory goes to a worker only when that worker reports it has not seen the job.
 */
export class JobTasks {
  backendName: string | null = null

  constructor(
    private readonly pool: TaskPool,
    private readonly jobKey: string,
    private readonly memory: JobMemory,
    private readonly concurrency: number,
  ) {}

  /**
   * Losses of `specs`, by index. On a failure no new task starts, the ones in flight are
   * awaited (so none writes into a gradient slot later), then the first error is thrown.
   */
  async runAll(specs: readonly TaskSpec[]): Promise<number[]> {
    const losses = new Array<number>(specs.length)
    let next = 0
    let failed = false
    let firstError: unknown
    const lane = async (): Promise<void> => {
      while (!failed && next < specs.length) {
        const index = next++
        try {
          losses[index] = await this.runOne(specs[index])
        } catch (error) {
          if (!failed) firstError = error
          failed = true
        }
      }
    }
    const lanes = Math.max(1, Math.min(this.concurrency, specs.length))
    await Promise.all(Array.from({ length: lanes }, lane))
    if (failed) throw new WorkerTaskError(firstError)
    return losses
  }

  private async runOne(spec: TaskSpec): Promise<number> {
    let result = await this.pool.run({ ...spec, jobKey: this.jobKey })
    if (result.kind === 'detached')
      result = await this.pool.run({ ...spec, jobKey: this.jobKey, memory: this.memory })
    if (result.kind !== 'loss') throw new Error('Worker did not attach the job memory it was sent')
    this.backendName = result.backend
    return result.loss
  }
}
