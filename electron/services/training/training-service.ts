import { performance } from 'node:perf_hooks'
import type { NetworkRole } from '../../../worker/training/network-role'
import type { TrainSettings } from '../../../worker/training/settings'
import {
  trainingConfigSchema,
  type TrainingConfigInput,
  type TrainingHistory,
  type TrainingJobStatus,
} from '../../api/requests/training'
import { defaultWorkerCount } from '../app/app-info'
import type { Clock } from './event-throttle'
import type { FaultInjection } from './fault-plan'
import type { EventSink } from './job-events'
import { TrainingJob } from './training-job'
import { TrainingPool } from './training-pool'
import { trainSettingsOf } from './train-settings'
import { defaultWorkers } from './worker-count'
import { assertWindowShapes, type TrainingWindows } from '../../../worker/training/windows'
import { CodedError } from '../storage'

/** Finished jobs whose history stays in memory (see forgetOldFinishedJobs). */
export const MAX_FINISHED_JOBS_KEPT = 50

export interface TrainingServiceOptions {
  /** The piscina worker entry, worker/tasks/train-worker (built path or .ts under tsx). */
  workerFilename: string
  /** Threads of the shared pool; default cores − 1, at least 1. */
  poolSize?: number
  execArgv?: string[]
  /** Where the `training.*` events go, e.g. the app's EventBus. */
  events: EventSink
  clock?: Clock
  /** Re-runs of a step after a worker failure before its job fails (default 1). */
  stepRetries?: number
  /** Lets jobs carry a FaultInjection; tests only. */
  enableTestHooks?: boolean
}

export interface StartTrainingOptions {
  /** Default: a fresh id. */
  jobId?: string
  /** What the job is in its run. */
  role?: NetworkRole
  /** The training loop's settings (a run's networks)… */
  settings?: TrainSettings
  /** …or the API's, converted by trainSettingsOf (its `workers` applies when `workers` is not given). */
  config?: TrainingConfigInput
  /** Pool threads this job uses; default: as many as pay for themselves (defaultWorkers). */
  workers?: number
  windows: TrainingWindows
  /** Start from these weights instead of a fresh initialisation. */
  initialParams?: Float32Array
  /** Score the starting weights on validation first (they stay unless an epoch beats them). */
  scoreInitial?: boolean
  /** Run folder for checkpoints (checkpoint-last.json, checkpoint-best.json, loss.csv). */
  checkpointDir?: string
  /** Continue from checkpointDir's last checkpoint (e.g. after a restart). */
  resume?: boolean
  /** Test-only, honoured when the service has enableTestHooks. */
  fault?: FaultInjection
}

/**
 * Multi-threaded training jobs. Jobs share one piscina pool; each job uses `workers` of its
 * threads, and jobs that do not fit next to the running ones wait in a FIFO queue. Nothing
 * here depends on Electron or on a window being open.
 */
export class TrainingService {
  private readonly pool: TrainingPool
  private readonly jobs = new Map<string, TrainingJob>()
  private readonly runs = new Map<string, Promise<void>>()
  private readonly queue: TrainingJob[] = []
  private busyThreads = 0
  private nextId = 1
  private disposing = false

  constructor(private readonly options: TrainingServiceOptions) {
    const threads = options.poolSize ?? defaultWorkerCount()
    if (!Number.isInteger(threads) || threads < 1)
      throw new Error(`poolSize must be a positive integer, got ${threads}`)
    this.pool = new TrainingPool({
      workerFilename: options.workerFilename,
      threads,
      execArgv: options.execArgv,
    })
  }

  get poolSize(): number {
    return this.pool.threads
  }

  /** Runs a named task of the pool's worker file on one of its threads (beside the jobs' shards). */
  runTask(name: string, task: unknown): Promise<unknown> {
    if (this.disposing) throw new CodedError('SHUTTING_DOWN', 'The app is closing: no new work starts')
    return this.pool.runNamed(name, task)
  }

  start(options: StartTrainingOptions): TrainingJobStatus {
    // A run may still ask for networks while the app closes: no new job, and no new pool.
    if (this.disposing) throw new CodedError('SHUTTING_DOWN', 'The app is closing: no new training starts')
    const api = options.config ? trainingConfigSchema.parse(options.config) : null
    const settings = api ? trainSettingsOf(api, options.windows) : options.settings
    if (!settings) throw new Error('A training job needs its settings (or the API config)')
    const requestedWorkers = options.workers ?? api?.workers
    const jobId = options.jobId ?? `job-${Date.now().toString(36)}-${this.nextId++}`
    if (this.jobs.has(jobId) && !this.jobs.get(jobId)?.isFinished)
      throw new Error(`Job ${jobId} is already active`)
    assertWindowShapes(options.windows, settings)
    if (options.fault && !this.options.enableTestHooks)
      throw new Error('Fault injection is a test hook and is disabled')
    const job = new TrainingJob(
      {
        jobId,
        role: options.role,
        settings,
        windows: options.windows,
        initialParams: options.initialParams,
        scoreInitial: options.scoreInitial,
        checkpointDir: options.checkpointDir ?? null,
        resume: options.resume ?? false,
        workers: Math.min(requestedWorkers ?? defaultWorkers(settings, this.poolSize), this.poolSize),
        stepRetries: this.options.stepRetries ?? 1,
        fault: options.fault ?? null,
      },
      { pool: this.pool, sink: this.options.events, clock: this.options.clock ?? (() => performance.now()) },
    )
    this.forgetOldFinishedJobs()
    this.jobs.set(jobId, job)
    this.queue.push(job)
    this.schedule()
    return job.status()
  }

  /**
   * A session that trains overnight must not grow without bound: only the most recent
   * finished jobs stay in memory for `training.list`/`history`; their runs stay on disk.
   */
  private forgetOldFinishedJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.isFinished)
    for (const job of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED_JOBS_KEPT))) {
      this.jobs.delete(job.jobId)
    }
  }

  pause(jobId: string): TrainingJobStatus {
    const job = this.job(jobId)
    // A queued job starts paused (a run pauses the networks it has not started yet too).
    if (job.state !== 'running' && job.state !== 'paused' && job.state !== 'queued')
      throw new CodedError('NOT_RUNNING', `Job ${jobId} is ${job.state}, not running`)
    job.pause()
    return job.status()
  }

  resume(jobId: string): TrainingJobStatus {
    const job = this.job(jobId)
    job.resume()
    return job.status()
  }

  stop(jobId: string): TrainingJobStatus {
    return this.end(jobId, 'stopped')
  }

  cancel(jobId: string): TrainingJobStatus {
    return this.end(jobId, 'cancelled')
  }

  status(jobId: string): TrainingJobStatus {
    return this.job(jobId).status()
  }

  list(): TrainingJobStatus[] {
    return [...this.jobs.values()].map((job) => job.status())
  }

  history(jobId: string): TrainingHistory {
    const job = this.job(jobId)
    const { states, epochs, lastProgress } = job.events
    return { status: job.status(), states: [...states], epochs: [...epochs], lastProgress }
  }

  /** Resolves with the final status once the job has ended (whatever the outcome). */
  async finished(jobId: string): Promise<TrainingJobStatus> {
    const job = this.job(jobId)
    await job.ended
    await this.runs.get(jobId)
    return job.status()
  }

  /** The job's final weights (the best ones after stop or early stopping), once it has ended. */
  weights(jobId: string): Float32Array | null {
    return this.job(jobId).weights
  }

  /** Cancels every job and shuts the pool down. */
  /**
   * The app is closing: every unfinished job ends between two steps with its checkpoints kept
   * (state `interrupted`), so `training.start` with `resume` continues it after a restart.
   */
  async dispose(): Promise<void> {
    this.disposing = true
    for (const job of this.jobs.values()) if (!job.isFinished) this.end(job.jobId, 'interrupted')
    await Promise.all(this.runs.values())
    await this.pool.destroy()
  }

  private job(jobId: string): TrainingJob {
    const job = this.jobs.get(jobId)
    // Coded, so the API reports NOT_FOUND (e.g. a job id of an earlier session) rather than INTERNAL.
    if (!job) throw new CodedError('NOT_FOUND', `No training job ${jobId}`)
    return job
  }

  private end(jobId: string, state: 'stopped' | 'cancelled' | 'interrupted'): TrainingJobStatus {
    const job = this.job(jobId)
    const queued = this.queue.indexOf(job)
    if (queued >= 0) {
      this.queue.splice(queued, 1)
      job.endQueued(state)
    } else if (state === 'stopped') job.stop()
    else if (state === 'interrupted') job.interrupt()
    else job.cancel()
    return job.status()
  }

  /** Starts queued jobs, in order, while their threads fit next to the running ones. */
  private schedule(): void {
    while (this.queue.length > 0 && this.busyThreads + this.queue[0].options.workers <= this.poolSize) {
      const job = this.queue.shift() as TrainingJob
      this.busyThreads += job.options.workers
      const run = job.run().finally(() => {
        this.busyThreads -= job.options.workers
        this.schedule()
      })
      this.runs.set(job.jobId, run)
    }
  }
}
