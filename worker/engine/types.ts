/**
 * Shared vocabulary of the numerical engine. Every backend (the readable TypeScript
 * reference, the WebAssembly SIMD fast path) and every consumer (trainer, pool, exporters,
 * the "inside the cell" view) speaks in these types, so keep them small and stable.
 *
 * Conventions
 * - Tensors are flat row-major typed arrays. Inputs x are [batch, steps, features];
 *   targets y and outputs are [batch, outputs].
 * - Parameter layout follows PyTorch: per layer `W_ih` [gates·units, in], `W_hh`
 *   [gates·units, units], `b_ih`, `b_hh` [gates·units]; LSTM gate rows i, f, g, o;
 *   GRU gate rows r, z, n; RNN one gate. Head `W` [outputs, units], `b` [outputs].
 * - All parameters of a model live in ONE flat array described by a ParamLayout; gradients
 *   use the same layout in an array of the same length.
 */

export type CellType = 'lstm' | 'gru' | 'rnn'

export interface LayerSpec {
  cell: CellType
  units: number
  /** Inverted dropout applied to this layer's output sequence before the next layer (training only). */
  dropout: number
}

export interface ModelSpec {
  inputSize: number
  layers: LayerSpec[]
  /** Width of the linear head on the top layer's last hidden state (H outputs, direct multi-horizon). */
  outputSize: number
}

export interface ParamEntry {
  /** e.g. `layers.0.W_ih`, `layers.2.b_hh`, `head.W`, `head.b` */
  name: string
  shape: number[]
  offset: number
  size: number
}

export type ParamLayout = ParamEntry[]

export type FloatArray = Float32Array | Float64Array

export type LossKind = 'mse' | 'mae' | 'huber'

export interface Batch {
  /** [batch, steps, inputSize] */
  x: FloatArray
  /** [batch, outputSize] */
  y: FloatArray
  batch: number
  steps: number
}

export interface GradientOptions {
  loss: LossKind
  /** Truncated BPTT: propagate gradients through at most this many steps back from the end. 0 or undefined = full window. */
  truncateSteps?: number
  /** Seed of the dropout masks for this batch; dropout is active only when `training` is true. */
  dropoutSeed?: number
  training: boolean
}

/**
 * A compute backend: forward and backward of a whole model on one batch.
 * `params` and `grads` follow `layout(spec)`; `lossAndGradients` OVERWRITES grads and
 * returns the mean loss over batch and outputs.
 */
export interface Backend {
  readonly name: string
  forward(params: FloatArray, x: FloatArray, batch: number, steps: number, out: FloatArray): void
  lossAndGradients(params: FloatArray, grads: FloatArray, data: Batch, options: GradientOptions): number
}

/** Storage precision of parameters, gradients and a backend's activations. */
export type Precision = 'float32' | 'float64'
