import { Piscina } from 'piscina'
import type { WorkerResult, WorkerTask } from '../../../worker/tasks/task-types'
import type { TaskPool } from '../../../worker/training/job-tasks'

export interface TrainingPoolOptions {
  /** worker/tasks/train-worker entry: the built file in the app, the .ts file under tsx in tests. */
  workerFilename: string
  threads: number
  /** e.g. ['--import', 'tsx'] to run the TypeScript entry directly. */
  execArgv?: string[]
}

/**
 * The piscina pool all training jobs share. Threads start with the first job; a thread that
 * dies is replaced by piscina, and its task rejects (the job then retries or fails the step).
 */
export class TrainingPool implements TaskPool {
  private pool: Piscina | null = null

  constructor(private readonly options: TrainingPoolOptions) {}

  get threads(): number {
    return this.options.threads
  }

  run(task: WorkerTask): Promise<WorkerResult> {
    return this.piscina().run(task) as Promise<WorkerResult>
  }

  /** Another task of the worker file (a named export), e.g. a chunk of a panel's statistics. */
  runNamed(name: string, task: unknown): Promise<unknown> {
    return this.piscina().run(task, { name })
  }

  private piscina(): Piscina {
    this.pool ??= new Piscina({
      filename: this.options.workerFilename,
      minThreads: this.options.threads,
      maxThreads: this.options.threads,
      idleTimeout: 60_000,
      execArgv: this.options.execArgv ?? [],
    })
    return this.pool
  }

  async destroy(): Promise<void> {
    const pool = this.pool
    this.pool = null
    await pool?.destroy()
  }
}
