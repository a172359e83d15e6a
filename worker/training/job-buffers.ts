import { paramCount, type LossKind, type ModelSpec } from '../engine/index'
import type { BackendKind, JobMemory } from '../tasks/task-types'
import type { TrainSettings } from './settings'
import { countWindows, type TrainingWindows, type WindowSet } from './windows'

/** The main side's views on the job's shared buffers. */
export interface JobBuffers {
  memory: JobMemory
  params: Float32Array
  gradSlots: Float32Array
  order: Int32Array
  /** Each shard's loss, by shard index. */
  losses: Float64Array
  trainCount: number
  validationCount: number
  /** Defined (non-NaN) validation targets: the validation loss is their mean. */
  validationTargets: number
}

export interface JobBufferOptions {
  spec: ModelSpec
  lookback: number
  backend: BackendKind
  loss: LossKind
  truncateSteps: number
  /** Gradient slots: shards in the largest mini-batch. */
  slots: number
  /** Windows per shard (validation chunks too). */
  maxShard: number
}

const sharedFloats = (length: number): Float32Array => new Float32Array(new SharedArrayBuffer(length * 4))

/** Copies a window set into shared float32 memory, once per job. */
function shareSet(set: WindowSet): { x: Float32Array; y: Float32Array } {
  const x = sharedFloats(set.x.length)
  const y = sharedFloats(set.y.length)
  x.set(set.x)
  y.set(set.y)
  return { x, y }
}

export function allocateJobBuffers(
  windows: TrainingWindows,
  paramCount: number,
  options: JobBufferOptions,
): JobBuffers {
  const { spec, lookback } = options
  const trainCount = countWindows(windows.train, lookback, spec.outputSize, spec.inputSize, 'Training')
  const validation = windows.validation ?? null
  const validationCount = validation
    ? countWindows(validation, lookback, spec.outputSize, spec.inputSize, 'Validation')
    : 0
  const train = shareSet(windows.train)
  const held = validation ? shareSet(validation) : null
  const params = sharedFloats(paramCount)
  const gradSlots = sharedFloats(options.slots * paramCount)
  const order = new Int32Array(new SharedArrayBuffer(trainCount * 4))
  const validationChunks = Math.ceil(validationCount / options.maxShard)
  const losses = new Float64Array(new SharedArrayBuffer(Math.max(options.slots, validationChunks) * 8))
  const memory: JobMemory = {
    spec,
    steps: lookback,
    backend: options.backend,
    loss: options.loss,
    truncateSteps: options.truncateSteps,
    maxShard: options.maxShard,
    params: params.buffer as SharedArrayBuffer,
    gradSlots: gradSlots.buffer as SharedArrayBuffer,
    trainX: train.x.buffer as SharedArrayBuffer,
    trainY: train.y.buffer as SharedArrayBuffer,
    validationX: (held?.x.buffer as SharedArrayBuffer | undefined) ?? null,
    validationY: (held?.y.buffer as SharedArrayBuffer | undefined) ?? null,
    order: order.buffer as SharedArrayBuffer,
    claims: new SharedArrayBuffer(4),
    losses: losses.buffer as SharedArrayBuffer,
  }
  const validationTargets = held ? definedCount(held.y) : 0
  return { memory, params, gradSlots, order, losses, trainCount, validationCount, validationTargets }
}

function definedCount(values: Float32Array): number {
  let count = 0
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) count++
  return count
}

/** The buffers of one job trained with `settings`: one gradient slot per shard of a full batch. */
export function jobBuffersFor(settings: TrainSettings, windows: TrainingWindows): JobBuffers {
  return allocateJobBuffers(windows, paramCount(settings.spec), {
    spec: settings.spec,
    lookback: settings.lookback,
    backend: settings.backend,
    loss: settings.loss,
    truncateSteps: settings.truncateSteps,
    slots: Math.ceil(settings.batchSize / settings.shardSize),
    maxShard: settings.shardSize,
  })
}
