import { allocateFloats } from './buffers'
import { clipGlobalNorm, globalNorm } from './clipping'
import { meanLoss } from './losses'
import { createModel, type Model } from './model'
import { assertFinite, assertFiniteGradients } from './numerics'
import { createOptimizer, type OptimizerConfig } from './optimizers'
import { mulberry32, nextSeed, shuffleInPlace } from './prng'
import { createReferenceBackend } from './reference-backend'
import { createSchedule, type ScheduleConfig } from './schedules'
import type { Backend, FloatArray, LossKind, ModelSpec, Precision } from './types'

/** Windows as flat row-major arrays: x [count, steps, inputSize], y [count, outputSize]. */
export interface FitData {
  x: ArrayLike<number>
  y: ArrayLike<number>
}

export interface FitOptions {
  spec: ModelSpec
  train: FitData
  validation?: FitData
  /** Window length T. */
  steps: number
  batchSize: number
  epochs: number
  optimizer: OptimizerConfig
  /** Drives init, the per-epoch shuffle and the dropout masks. */
  seed: number
  loss?: LossKind
  precision?: Precision
  /** Global gradient-norm clipping threshold. */
  clipNorm?: number
  truncateSteps?: number
  schedule?: ScheduleConfig
  /** Any Backend (e.g. the WASM one); defaults to the reference backend in `precision`. */
  backend?: Backend
  /** Continue training this model in place instead of creating one from `seed`. */
  model?: Model
  onEpoch?: (report: EpochReport) => void
}

export interface EpochReport {
  epoch: number
  /** Mean training loss over the epoch's samples (as seen during training, dropout included). */
  trainLoss: number
  valLoss?: number
  /** Global gradient norm before clipping: mean and max over the epoch's mini-batches. */
  gradNormMean: number
  gradNormMax: number
  lr: number
}

export interface FitResult {
  model: Model
  epochs: EpochReport[]
  trainLoss: number[]
  valLoss: number[]
  gradNorm: number[]
}

/** Window count, after checking that x and y describe the same number of windows. */
function countWindows(data: FitData, spec: ModelSpec, steps: number, what: string): number {
  const count = data.y.length / spec.outputSize
  if (!Number.isInteger(count) || count === 0) {
    throw new Error(
      `${what}.y has ${data.y.length} values, expected a positive multiple of outputSize ${spec.outputSize}`,
    )
  }
  const expected = count * steps * spec.inputSize
  if (data.x.length !== expected) {
    throw new Error(
      `${what}.x has ${data.x.length} values, expected ${count} windows × ${steps} steps × ${spec.inputSize}`,
    )
  }
  return count
}

/** Copies the chosen windows into the reusable batch buffers. */
function gather(
  source: ArrayLike<number>,
  width: number,
  order: ArrayLike<number>,
  from: number,
  n: number,
  target: FloatArray,
) {
  for (let i = 0; i < n; i++) {
    const start = order[from + i] * width
    for (let j = 0; j < width; j++) target[i * width + j] = source[start + j]
  }
}

/** Single-threaded mini-batch training loop, deterministic for a given seed and backend. */
export function fit(options: FitOptions): FitResult {
  const { spec, steps, batchSize, epochs } = options
  if (!Number.isInteger(batchSize) || batchSize <= 0)
    throw new Error(`batchSize must be a positive integer, got ${batchSize}`)
  if (!Number.isInteger(epochs) || epochs < 0)
    throw new Error(`epochs must be a non-negative integer, got ${epochs}`)
  const precision = options.precision ?? 'float64'
  const loss = options.loss ?? 'mse'
  const count = countWindows(options.train, spec, steps, 'train')
  const model = options.model ?? createModel(spec, { seed: options.seed, precision })
  const backend = options.backend ?? createReferenceBackend(spec, precision)
  const optimizer = createOptimizer(options.optimizer, model.params.length)
  const schedule = createSchedule(options.schedule ?? { kind: 'constant' }, options.optimizer.lr)
  const xWidth = steps * spec.inputSize
  const batchX = allocateFloats(precision, Math.min(batchSize, count) * xWidth)
  const batchY = allocateFloats(precision, Math.min(batchSize, count) * spec.outputSize)
  const order = Int32Array.from({ length: count }, (_, i) => i)
  const shuffleRandom = mulberry32(options.seed ^ 0x5bd1e995)
  const dropoutRandom = mulberry32(options.seed ^ 0x27d4eb2f)
  const result: FitResult = { model, epochs: [], trainLoss: [], valLoss: [], gradNorm: [] }

  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.lr = schedule.lr
    shuffleInPlace(order, shuffleRandom)
    let lossSum = 0
    let normSum = 0
    let normMax = 0
    let batches = 0
    for (let from = 0; from < count; from += batchSize) {
      const n = Math.min(batchSize, count - from)
      const x = batchX.subarray(0, n * xWidth)
      const y = batchY.subarray(0, n * spec.outputSize)
      gather(options.train.x, xWidth, order, from, n, x)
      gather(options.train.y, spec.outputSize, order, from, n, y)
      const batchLoss = backend.lossAndGradients(
        model.params,
        model.grads,
        { x, y, batch: n, steps },
        {
          loss,
          training: true,
          dropoutSeed: nextSeed(dropoutRandom),
          truncateSteps: options.truncateSteps,
        },
      )
      assertFinite(batchLoss, 'loss')
      assertFiniteGradients(model.layout, model.grads)
      const norm = options.clipNorm ? clipGlobalNorm(model.grads, options.clipNorm) : globalNorm(model.grads)
      optimizer.step(model.params, model.grads)
      lossSum += batchLoss * n
      normSum += norm
      normMax = Math.max(normMax, norm)
      batches++
    }
    const report: EpochReport = {
      epoch,
      trainLoss: lossSum / count,
      gradNormMean: normSum / batches,
      gradNormMax: normMax,
      lr: optimizer.lr,
    }
    if (options.validation) report.valLoss = evaluate(backend, model, options.validation, options, loss)
    assertFinite(model.params, 'parameters')
    result.epochs.push(report)
    result.trainLoss.push(report.trainLoss)
    if (report.valLoss !== undefined) result.valLoss.push(report.valLoss)
    result.gradNorm.push(report.gradNormMean)
    schedule.step(report.valLoss ?? report.trainLoss)
    options.onEpoch?.(report)
  }
  return result
}

/** Mean loss of the model on `data` (inference mode, no dropout), evaluated in batchSize chunks. */
export function evaluate(
  backend: Backend,
  model: Model,
  data: FitData,
  options: { spec: ModelSpec; steps: number; batchSize: number; precision?: Precision },
  loss: LossKind = 'mse',
): number {
  const { spec, steps } = options
  const count = countWindows(data, spec, steps, 'validation')
  const chunk = Math.min(options.batchSize, count)
  const precision = options.precision ?? 'float64'
  const xWidth = steps * spec.inputSize
  const x = allocateFloats(precision, chunk * xWidth)
  const output = allocateFloats(precision, chunk * spec.outputSize)
  const target = allocateFloats(precision, chunk * spec.outputSize)
  let sum = 0
  for (let from = 0; from < count; from += chunk) {
    const n = Math.min(chunk, count - from)
    const outputs = n * spec.outputSize
    x.set(Array.prototype.slice.call(data.x, from * xWidth, (from + n) * xWidth) as number[])
    target.set(
      Array.prototype.slice.call(data.y, from * spec.outputSize, (from + n) * spec.outputSize) as number[],
    )
    const out = output.subarray(0, outputs)
    backend.forward(model.params, x.subarray(0, n * xWidth), n, steps, out)
    sum += meanLoss(loss, out, target, outputs) * outputs
  }
  const value = sum / (count * spec.outputSize)
  assertFinite(value, 'validation loss')
  return value
}
