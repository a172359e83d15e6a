import type { LossKind, ModelSpec } from '../engine/index'

/** Which compute backend a job's workers use; 'auto' takes WebAssembly SIMD when the runtime has it. */
export type BackendKind = 'auto' | 'wasm' | 'reference'

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
}

interface TaskBase {
  /** Unique per job run; workers cache the attached memory under it. */
  jobKey: string
  /** Only sent when the worker answered 'detached' (it has not seen this job yet). */
  memory?: JobMemory
  /** First position (in the shuffled order for gradients, in the validation set otherwise). */
  from: number
  count: number
  fault?: FaultKind
}

/** Mean-loss gradient of windows order[from … from+count) into gradient slot `slot`. */
export interface GradientTask extends TaskBase {
  kind: 'gradient'
  slot: number
  dropoutSeed: number
}

/** Sum of point losses of validation windows [from, from+count), inference mode. */
export interface EvaluateTask extends TaskBase {
  kind: 'evaluate'
}

export type WorkerTask = GradientTask | EvaluateTask

export type WorkerResult =
  | { kind: 'detached' }
  /** gradient: the shard's mean loss; evaluate: the chunk's loss SUM over windows × outputs. */
  | { kind: 'loss'; loss: number; backend: string }
