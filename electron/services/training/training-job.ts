import { randomUUID } from 'node:crypto'
import { paramCount } from '../../../worker/engine/index'
import type { TrainingConfig, TrainingJobStatus, TrainingState } from '../../api/requests/training'
import { CheckpointWriter } from './checkpoint-writer'
import type { Clock } from './event-throttle'
import { describeFailure } from './failure-message'
import { faultPlanOf, type FaultInjection } from './fault-plan'
import { allocateJobBuffers, type JobBuffers } from './job-buffers'
import { restoreCheckpoint, saveEpochCheckpoint, type CheckpointContext } from './job-checkpoints'
import { JobControl, type ControlDecision } from './job-control'
import { JobEvents, type EventSink } from './job-events'
import { JobTasks, WorkerTaskError, type TaskPool } from './job-tasks'
import { modelSpecOf } from './model-setup'
import { defaultShardSize } from './shard-plan'
import { Trainer, type StepResult } from './trainer'
import type { TrainingWindows } from './training-windows'

export interface JobOptions {
  jobId: string
  config: TrainingConfig
  windows: TrainingWindows
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
  private trainer: Trainer | null = null
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
      epochs: this.options.config.epochs,
      bestEpoch: best?.bestEpoch ?? null,
      bestLoss: best && best.bestEpoch !== null ? best.bestLoss : null,
      workers: this.options.workers,
      backend: this.tasks?.backendName ?? null,
      checkpointDir: this.options.checkpointDir,
    }
    if (this.message !== undefined) status.message = this.message
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
    const { jobId, config, windows } = this.options
    const spec = modelSpecOf(config, windows.inputSize, windows.outputSize)
    return {
      jobId,
      config,
      spec,
      windows: { train: buffers.trainCount, validation: buffers.validationCount },
    }
  }

  private async prepare(): Promise<Trainer> {
    const { config, windows, workers } = this.options
    const spec = modelSpecOf(config, windows.inputSize, windows.outputSize)
    const shardSize = config.shardSize ?? defaultShardSize(config.batchSize)
    const buffers = allocateJobBuffers(windows, paramCount(spec), {
      spec,
      lookback: config.lookback,
      backend: config.backend,
      loss: config.loss,
      truncateSteps: config.truncateSteps,
      slots: Math.ceil(config.batchSize / shardSize),
      maxShard: shardSize,
    })
    this.tasks = new JobTasks(this.deps.pool, `${this.jobId}-${randomUUID()}`, buffers.memory, workers)
    const faults = this.options.fault ? faultPlanOf(this.options.fault) : undefined
    const trainer = new Trainer({ config, spec, buffers, tasks: this.tasks, shardSize, faults })
    this.trainer = trainer
    if (this.options.resume) {
      if (!this.options.checkpointDir) throw new Error('Resuming needs the run folder of the checkpoint')
      const flags = await restoreCheckpoint(
        this.options.checkpointDir,
        this.checkpointContext(buffers),
        trainer,
      )
      this.events.restoreEpochs(trainer.history.map((record, i) => ({ ...record, best: flags[i] })))
    }
    return trainer
  }

  /** The epoch loop; returns how it ended. */
  private async train(
    trainer: Trainer,
  ): Promise<'completed' | 'early' | Exclude<ControlDecision, 'continue'>> {
    const { config } = this.options
    for (let epoch = trainer.history.length; epoch < config.epochs; epoch++) {
      trainer.beginEpoch(epoch)
      const started = this.deps.clock()
      let lossSum = 0
      let seen = 0
      for (let batch = 0; batch < trainer.batches; batch++) {
        const decision = await this.control.atStepBoundary()
        if (decision !== 'continue') return decision
        this.position = { epoch, batch }
        const step = await this.withRetries(() => trainer.step(epoch, batch))
        const windows = trainer.batchSize(batch)
        lossSum += step.loss * windows
        seen += windows
        this.reportProgress(trainer, step, started, seen)
      }
      this.position = { epoch, batch: trainer.batches }
      const valLoss = await this.withRetries(() => trainer.validationLoss(epoch))
      const { record, best } = trainer.endEpoch(epoch, lossSum / seen, valLoss)
      this.events.epoch({ ...record, best, seconds: (this.deps.clock() - started) / 1000 })
      if (this.writer) {
        // At most one epoch's checkpoint in flight: memory stays bounded on a slow disk, and a write
        // that failed (disk full, permissions) ends the job here rather than after the last epoch.
        await this.writer.flush()
        saveEpochCheckpoint(this.writer, this.checkpointContext(trainer.buffers), trainer, best)
      }
      if (trainer.best.shouldStop) return 'early'
    }
    return 'completed'
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

  private reportProgress(trainer: Trainer, step: StepResult, started: number, seen: number): void {
    const { epoch, batch } = this.position
    const seconds = Math.max((this.deps.clock() - started) / 1000, 1e-9)
    const windowsPerSec = seen / seconds
    const total = trainer.buffers.trainCount
    const remaining = total - seen + (this.options.config.epochs - epoch - 1) * total
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

  private async finish(ending: 'completed' | 'early' | Exclude<ControlDecision, 'continue'>): Promise<void> {
    const trainer = this.trainer as Trainer
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
    const restored = ending !== 'completed' && trainer.restoreBest()
    this.finalParams = Float32Array.from(trainer.params)
    this.writer?.saveModel(trainer.spec, this.finalParams)
    await this.writer?.flush()
    const bestNote = restored
      ? `; restored the best weights (epoch ${(trainer.best.bestEpoch ?? 0) + 1})`
      : ''
    if (ending === 'stop')
      this.setState('stopped', `Stopped after ${trainer.history.length} epochs${bestNote}`)
    else if (ending === 'early') {
      const patience = this.options.config.patience
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
