import {
  assertFinite,
  assertFiniteGradients,
  createOptimizer,
  createSchedule,
  initializeParams,
  mulberry32,
  paramLayout,
  scaleToNorm,
  shuffleInPlace,
  type LrSchedule,
  type ModelSpec,
  type Optimizer,
  type ParamLayout,
} from '../engine/index'
import type { FaultKind, ShardFault } from '../tasks/task-types'
import { BestTracker } from './best-tracker'
import { allFinite, reduceShardGradients, reduceShardLosses } from './gradient-reduce'
import type { JobBuffers } from './job-buffers'
import type { JobTasks } from './job-tasks'
import { DROPOUT_STREAM, mixSeed, SHUFFLE_STREAM } from './seeds'
import { planShards } from './shard-plan'
import type { TrainSettings } from './settings'

/** One row of the loss history (and of loss.csv). */
export interface EpochRecord {
  epoch: number
  trainLoss: number
  valLoss: number | null
  lr: number
}

export interface StepResult {
  loss: number
  /** Global gradient norm before clipping. */
  gradNorm: number
}

/** Where in the run a task belongs, for the test-only fault hook. */
export type FaultPlan = (epoch: number, batch: number, shard: number) => FaultKind | undefined

export interface ShardedTrainerOptions {
  settings: TrainSettings
  buffers: JobBuffers
  tasks: JobTasks
  /** Start from these weights instead of a fresh initialisation from the seed. */
  initialParams?: ArrayLike<number>
  faults?: FaultPlan
}

/**
 * The numerical side of a training job on the calling thread: plans shards, reduces their
 * gradients in a fixed order, clips, checks finiteness and steps the optimizer on the shared
 * weights. Where the shards are computed (a worker pool, or this thread) is the tasks' business.
 */
export class ShardedTrainer {
  readonly layout: ParamLayout
  readonly optimizer: Optimizer
  readonly schedule: LrSchedule
  readonly best: BestTracker
  readonly history: EpochRecord[] = []
  bestParams: Float32Array | null = null
  private readonly reduced: Float64Array

  constructor(private readonly options: ShardedTrainerOptions) {
    const { settings, buffers } = options
    this.layout = paramLayout(settings.spec)
    if (options.initialParams) buffers.params.set(options.initialParams)
    else initializeParams(settings.spec, buffers.params, settings.seed)
    this.optimizer = createOptimizer(settings.optimizer, buffers.params.length)
    this.schedule = createSchedule(settings.schedule, settings.optimizer.lr)
    this.best = new BestTracker(settings.patience)
    this.reduced = new Float64Array(buffers.params.length)
  }

  get settings(): TrainSettings {
    return this.options.settings
  }

  get params(): Float32Array {
    return this.options.buffers.params
  }

  get buffers(): JobBuffers {
    return this.options.buffers
  }

  get spec(): ModelSpec {
    return this.options.settings.spec
  }

  get batches(): number {
    return Math.ceil(this.options.buffers.trainCount / this.options.settings.batchSize)
  }

  /** Writes epoch `epoch`'s window order into shared memory; a pure function of (seed, epoch). */
  beginEpoch(epoch: number): void {
    const { order } = this.options.buffers
    for (let i = 0; i < order.length; i++) order[i] = i
    shuffleInPlace(order, mulberry32(mixSeed(this.options.settings.seed, SHUFFLE_STREAM, epoch)))
    this.optimizer.lr = this.schedule.lr
  }

  /** Windows in mini-batch `batch`. */
  batchSize(batch: number): number {
    const { batchSize } = this.options.settings
    return Math.min(batchSize, this.options.buffers.trainCount - batch * batchSize)
  }

  /** One optimizer step on mini-batch `batch` of the current epoch, its shards computed in the pool. */
  async step(epoch: number, batch: number): Promise<StepResult> {
    const { settings, buffers, tasks } = this.options
    const { batchSize, shardSize, seed } = settings
    const shards = planShards(batch * batchSize, this.batchSize(batch), shardSize)
    await tasks.dispatch({
      kind: 'gradient',
      from: batch * batchSize,
      count: this.batchSize(batch),
      shardSize,
      dropoutSeeds: shards.map((_, slot) => mixSeed(seed, DROPOUT_STREAM, epoch, batch, slot)),
      fault: this.faultAmong(epoch, batch, shards.length),
    })
    const loss = reduceShardLosses(Array.from(buffers.losses.subarray(0, shards.length)), shards)
    assertFinite(loss, 'loss')
    const sumSquares = reduceShardGradients(buffers.gradSlots, shards, buffers.params.length, this.reduced)
    // The fused sum of squares is non-finite exactly when a value is; only then look for which one.
    if (!Number.isFinite(sumSquares)) assertFiniteGradients(this.layout, this.reduced)
    const gradNorm = Math.sqrt(sumSquares)
    if (settings.clipNorm > 0) scaleToNorm(this.reduced, gradNorm, settings.clipNorm)
    this.optimizer.step(buffers.params, this.reduced)
    if (!allFinite(buffers.params)) assertFinite(buffers.params, 'parameters')
    return { loss, gradNorm }
  }

  /**
   * Mean validation loss over the defined targets (a validation window may reach past the
   * validation part: its missing targets are NaN and count for nothing), chunks computed by
   * the tasks and summed in a fixed order; null without validation.
   */
  async validationLoss(epoch: number): Promise<number | null> {
    const { buffers, tasks } = this.options
    const { shardSize } = this.options.settings
    if (buffers.validationCount === 0 || buffers.validationTargets === 0) return null
    const chunks = Math.ceil(buffers.validationCount / shardSize)
    // For the fault hook, validation counts as the batch after the epoch's last one.
    await tasks.dispatch({
      kind: 'evaluate',
      from: 0,
      count: buffers.validationCount,
      shardSize,
      fault: this.faultAmong(epoch, this.batches, chunks),
    })
    const sums = Array.from(buffers.losses.subarray(0, chunks))
    const total = sums.reduce((sum, value) => sum + value, 0)
    const loss = total / buffers.validationTargets
    assertFinite(loss, 'validation loss')
    return loss
  }

  /** Test hook: the first shard of this dispatch the fault plan wants to fail, if any. */
  private faultAmong(epoch: number, batch: number, shards: number): ShardFault | undefined {
    const { faults } = this.options
    if (!faults) return undefined
    for (let shard = 0; shard < shards; shard++) {
      const kind = faults(epoch, batch, shard)
      if (kind) return { shard, kind }
    }
    return undefined
  }

  /** Closes an epoch: history, best weights, schedule. Returns the record and whether it is the best. */
  endEpoch(epoch: number, trainLoss: number, valLoss: number | null): { record: EpochRecord; best: boolean } {
    const record: EpochRecord = { epoch, trainLoss, valLoss, lr: this.optimizer.lr }
    const best = this.account(record)
    if (best) this.bestParams = Float32Array.from(this.params)
    return { record, best }
  }

  /**
   * Scores the starting weights on validation as "epoch −1": training keeps them unless an
   * epoch beats them (a seasonal-residual network starts as plain seasonal naive).
   */
  async scoreStart(): Promise<void> {
    const loss = await this.validationLoss(-1)
    if (loss === null) return
    this.best.record(-1, loss)
    this.bestParams = Float32Array.from(this.params)
  }

  /** Puts the best weights back into the shared parameters; false when there is no best yet. */
  restoreBest(): boolean {
    if (!this.bestParams) return false
    this.params.set(this.bestParams)
    return true
  }

  /** Rebuilds history-derived state (best, patience, schedule) from a checkpoint's records; returns the best flags. */
  replay(records: readonly EpochRecord[]): boolean[] {
    return records.map((record) => this.account(record))
  }

  private account(record: EpochRecord): boolean {
    this.history.push(record)
    const monitored = record.valLoss ?? record.trainLoss
    const best = this.best.record(record.epoch, monitored)
    this.schedule.step(monitored)
    return best
  }
}
