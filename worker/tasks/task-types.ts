import type { BackendKind } from '../engine/backend-choice'
import type { LossKind, ModelSpec } from '../engine/index'

export type { BackendKind }

/** Test-only fault a worker injects into one task (enabled by an explicit service option). */
export type FaultKind = 'throw' | 'exit'

/**
 * Everything a worker needs to compute for one job. The buffers are SharedArrayBuffers, so
 * posting this copies no numbers: it is sent to each worker once per job and cached there.
 */
export interface JobMemory {
  spec: ModelSpec
  /** Window length T. */
  steps: number
  backend: BackendKind
  loss: LossKind
  truncateSteps: number
  /** Largest number of windows in one task, to size the gather buffers once. */
  maxShard: number
  /** Float32 [paramCount], updated in place by the main side between steps. */
  params: SharedArrayBuffer
  /** Float32 [slots, paramCount]: one gradient slot per shard of a mini-batch. */
  gradSlots: SharedArrayBuffer
  /** Float32 [windows, steps, inputSize] and [windows, outputSize]. */
  trainX: SharedArrayBuffer
  trainY: SharedArrayBuffer
  validationX: SharedArrayBuffer | null
  validationY: SharedArrayBuffer | null
  /** Int32 [trainWindows]: this epoch's shuffled window order. */
  order: SharedArrayBuffer
  /** Int32 [1]: next unclaimed shard of the current dispatch; reset by the main side. */
  claims: SharedArrayBuffer
  /** Float64 [lossSlots]: each shard's loss, by shard index. */
  losses: SharedArrayBuffer
}

/** Test hook: the worker that claims `shard` fails that way. */
export interface ShardFault {
  shard: number
  kind: FaultKind
}

/**
 * One dispatch covers a whole range cut into fixed-size shards; every worker of the job gets
 * the same task and claims shards from a shared counter until none is left. Each shard's
 * result lands in its own slot, so who computed what does not change the numbers, and a slow
 * (or descheduled) worker simply claims fewer shards.
 */
interface TaskBase {
  /** Unique per job run; workers cache the attached memory under it. */
  jobKey: string
  /** Only sent when the worker answered 'detached' (it has not seen this job yet). */
  memory?: JobMemory
  /** The range [from, from + count), cut into shards of `shardSize`. */
  from: number
  count: number
  shardSize: number
  fault?: ShardFault
}

/** Gradient shards of positions order[from … from+count): mean loss and gradient into slot = shard index. */
export interface GradientTask extends TaskBase {
  kind: 'gradient'
  /** Dropout seed of each shard. */
  dropoutSeeds: number[]
}

/** Validation chunks of windows [from, from+count): loss SUM of each chunk into its slot. */
export interface EvaluateTask extends TaskBase {
  kind: 'evaluate'
}

export type WorkerTask = GradientTask | EvaluateTask

export type WorkerResult =
  | { kind: 'detached' }
  /** How many shards this worker computed (their results are in the shared slots). */
  | { kind: 'done'; shards: number; backend: string }
