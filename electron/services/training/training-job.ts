import { randomUUID } from 'node:crypto'
import { runEpochs, type LoopEnding, type StepReport } from '../../../worker/training/epoch-loop'
import { jobBuffersFor, type JobBuffers } from '../../../worker/training/job-buffers'
import { JobControl } from '../../../worker/training/job-control'
import { JobTasks, WorkerTaskError, type TaskPool } from '../../../worker/training/job-tasks'
import type { NetworkRole } from '../../../worker/training/network-role'
import type { TrainSettings } from '../../../worker/training/settings'
import { ShardedTrainer } from '../../../worker/training/sharded-trainer'
import type { TrainingWindows } from '../../../worker/training/windows'
import type { TrainingJobStatus, TrainingState } from '../../api/requests/training'
import { CheckpointWriter } from './checkpoint-writer'
import type { Clock } from './event-throttle'
import { describeFailure } from './failure-message'
import { faultPlanOf, type FaultInjection } from './fault-plan'
import { restoreCheckpoint, saveEpochCheckpoint, type CheckpointContext } from './job-checkpoints'
import { JobEvents, type EventSink } from './job-events'

export interface JobOptions {
  jobId: string
  /** What the job is in its run (absent for a lone job). */
  role?: NetworkRole
  settings: TrainSettings
  windows: TrainingWindows
  /** Start from these weights (a warm start) instead of a fresh initialisation from the seed. */
  initialParams?: Float32Array
  /** Score the starting weights on validation first: training keeps them unless an epoch beats them. */
  scoreInitial?: boolean
  /** Run folder for checkpoints and loss.csv; null = keep nothing on disk. */
  checkpointDir: string | null
  /** Continue from the last checkpoint in checkpointDir. */
  resume: boolean
  workers: number
  /** Times a step is re-run after a worker failure before the job fails. */
  stepRetries: number
  fault: FaultInjection | null
}

export interface JobDeps {
  pool: TaskPool
  sink: EventSink
  clock: Clock
}

const QUEUED_ENDING: Record<'stopped' | 'cancelled' | 'interrupted', string> = {
  stopped: 'Stopped before it started',
  cancelled: 'Cancelled before it started',
  interrupted: 'The app closed before it started',
}
const TERMINAL: ReadonlySet<TrainingState> = new Set([
  'stopped',
  'completed',
  'cancelled',
  'failed',
  'interrupted',
])

/** One training job: its lifecycle, epoch loop, events and checkpoints. */
export class TrainingJob {
  state: TrainingState = 'queued'
  message: string | undefined
  readonly events: JobEvents
  private readonly control: JobControl
  private trainer: ShardedTrainer | null = null
  private tasks: JobTasks | null = null
  private writer: CheckpointWriter | null
  private position = { epoch: 0, batch: 0 }
  private finalParams: Float32Array | null = null
  private markEnded: () => void = () => undefined
  /** Settles when the job reaches a terminal state. */
  readonly ended = new Promise<void>((resolve) => {
    this.markEnded = resolve
  })

  constructor(
    readonly options: JobOptions,
    private readonly deps: JobDeps,
  ) {
    this.events = new JobEvents(options.jobId, deps.sink, deps.clock)
    this.writer = options.checkpointDir ? new CheckpointWriter(options.checkpointDir) : null
    this.control = new JobControl({
      onPaused: () => this.setState('paused'),
      onResumed: () => this.setState('running'),
    })
    this.events.state('queued')
  }

  get jobId(): string {
    return this.options.jobId
  }

  get isFinished(): boolean {
    return TERMINAL.has(this.state)
  }

  pause(): void {
    this.control.pause()
  }

  resume(): void {
    this.control.resume()
  }

  stop(): void {
    this.control.stop()
  }

  cancel(): void {
    this.control.cancel()
  }

  interrupt(): void {
    this.control.interrupt()
  }

  /** Ends a job that never left the queue. */
  endQueued(state: 'stopped' | 'cancelled' | 'interrupted'): void {
    this.setState(state, QUEUED_ENDING[state])
  }

  /** Weights at the end of the job (the best ones after stop or early stopping). */
  get weights(): Float32Array | null {
    return this.finalParams
  }

  status(): TrainingJobStatus {
    const best = this.trainer?.best
    const status: TrainingJobStatus = {
      jobId: this.jobId,
      state: this.state,
      epoch: this.trainer?.history.length ?? 0,
      epochs: this.options.settings.epochs,
      bestEpoch: best?.bestEpoch ?? null,
      bestLoss: best && best.bestEpoch !== null ? best.bestLoss : null,
      workers: this.options.workers,
      backend: this.tasks?.backendName ?? null,
      checkpointDir: this.options.checkpointDir,
    }
    if (this.message !== undefined) status.message = this.message
    if (this.options.role !== undefined) status.role = this.options.role
    return status
  }

  /** Runs the job to a terminal state; never rejects. */
  async run(): Promise<void> {
    try {
      this.setState('running')
      const trainer = await this.prepare()
      const ending = await this.train(trainer)
      await this.finish(ending)
    } catch (error) {
      await this.fail(error)
    }
  }

  private checkpointContext(buffers: JobBuffers): CheckpointContext {
    const { jobId, settings } = this.options
    return { jobId, settings, windows: { train: buffers.trainCount, validation: buffers.validationCount } }
  }

  private async prepare(): Promise<ShardedTrainer> {
    const { settings, windows, workers } = this.options
    const buffers = jobBuffersFor(settings, windows)
    this.tasks = new JobTasks(this.deps.pool, `${this.jobId}-${randomUUID()}`, buffers.memory, workers)
    const faults = this.options.fault ? faultPlanOf(this.options.fault) : undefined
    const trainer = new ShardedTrainer({
      settings,
      buffers,
      tasks: this.tasks,
      initialParams: this.options.initialParams,
      faults,
    })
    this.trainer = trainer
    if (this.options.resume) {
      if (!this.options.checkpointDir) throw new Error('Resuming needs the run folder of the checkpoint')
      const flags = await restoreCheckpoint(
        this.options.checkpointDir,
        this.checkpointContext(buffers),
        trainer,
      )
      this.events.restoreEpochs(trainer.history.map((record, i) => ({ ...record, best: flags[i] })))
    } else if (this.options.scoreInitial) await trainer.scoreStart()
    return trainer
  }

  /** The epoch loop (worker/training/epoch-loop.ts) with this job's control, events, retries and checkpoints. */
  private train(trainer: ShardedTrainer): Promise<LoopEnding> {
    return runEpochs(trainer, {
      clock: this.deps.clock,
      atStepBoundary: () => this.control.atStepBoundary(),
      retry: (work) => this.withRetries(work),
      beforeWork: (epoch, batch) => {
        this.position = { epoch, batch }
      },
      onStep: (report) => this.reportProgress(trainer, report),
      onEpoch: async (record, best, seconds) => {
        this.events.epoch({ ...record, best, seconds })
        if (!this.writer) return
        // At most one epoch's checkpoint in flight: memory stays bounded on a slow disk, and a write
        // that failed (disk full, permissions) ends the job here rather than after the last epoch.
        await this.writer.flush()
        saveEpochCheckpoint(this.writer, this.checkpointContext(trainer.buffers), trainer, best)
      },
    })
  }

  /** Re-runs pool work after a worker failure; exact, because shared weights change only after success. */
  private async withRetries<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work()
      } catch (error) {
        if (!(error instanceof WorkerTaskError) || attempt >= this.options.stepRetries) throw error
      }
    }
  }

  private reportProgress(trainer: ShardedTrainer, { epoch, batch, step, seen, started }: StepReport): void {
    const seconds = Math.max((this.deps.clock() - started) / 1000, 1e-9)
    const windowsPerSec = seen / seconds
    const total = trainer.buffers.trainCount
    const remaining = total - seen + (this.options.settings.epochs - epoch - 1) * total
    this.events.progress({
      epoch,
      batch,
      batches: trainer.batches,
      trainLoss: step.loss,
      learningRate: trainer.optimizer.lr,
      gradNorm: step.gradNorm,
      windowsPerSec,
      etaSeconds: remaining / windowsPerSec,
    })
  }

  private async finish(ending: LoopEnding): Promise<void> {
    const trainer = this.trainer as ShardedTrainer
    if (ending === 'interrupt') {
      // The last epoch's checkpoint is on disk (or being written): `resume` continues from it.
      await this.writer?.flush()
      this.setState(
        'interrupted',
        'Interrupted when the app closed; resume continues from the last checkpoint',
      )
      return
    }
    if (ending === 'cancel') {
      this.writer?.discard()
      await this.writer?.flush()
      this.setState('cancelled', 'Cancelled; checkpoints discarded')
      return
    }
    // Every ending keeps the best weights seen (lowest validation loss, or training loss without validation).
    const restored = trainer.restoreBest()
    this.finalParams = Float32Array.from(trainer.params)
    await this.writer?.flush()
    const bestNote = restored && ending !== 'completed' ? `; ${describeBest(trainer.best.bestEpoch)}` : ''
    if (ending === 'stop')
      this.setState('stopped', `Stopped after ${trainer.history.length} epochs${bestNote}`)
    else if (ending === 'early') {
      const patience = this.options.settings.patience
      this.setState('completed', `Early stopping: no improvement for ${patience} epochs${bestNote}`)
    } else this.setState('completed')
  }

  private async fail(error: unknown): Promise<void> {
    const trainer = this.trainer
    if (trainer) {
      trainer.restoreBest()
      this.finalParams = Float32Array.from(trainer.params)
    }
    await this.writer?.flush().catch(() => undefined)
    this.setState(
      'failed',
      describeFailure(error, {
        ...this.position,
        batches: trainer?.batches ?? 0,
        attempts: this.options.stepRetries + 1,
        checkpointEpochs: this.writer ? (trainer?.history.length ?? null) : null,
      }),
    )
  }

  private setState(state: TrainingState, message?: string): void {
    if (this.isFinished) return
    this.state = state
    this.message = message
    this.events.state(state, message)
    if (this.isFinished) this.markEnded()
  }
}

/** The best weights' epoch for a person: 1-based, or the starting weights (epoch −1: no epoch beat them). */
function describeBest(bestEpoch: number | null): string {
  return bestEpoch === null || bestEpoch < 0
    ? 'kept the starting weights'
    : `restored the best weights (epoch ${bestEpoch + 1})`
}
