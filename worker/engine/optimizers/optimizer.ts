import type { FloatArray } from '../types'

export interface SgdConfig {
  name: 'sgd'
  lr: number
  momentum?: number
  dampening?: number
  weightDecay?: number
  nesterov?: boolean
}

export interface AdamConfig {
  /** adam: L2 weight decay added to the gradient; adamw: decoupled decay of the parameters. */
  name: 'adam' | 'adamw'
  lr: number
  beta1?: number
  beta2?: number
  eps?: number
  weightDecay?: number
}

export type OptimizerConfig = SgdConfig | AdamConfig

export interface OptimizerStateJSON {
  format: 'lstm-studio-optimizer/1'
  config: OptimizerConfig
  /** Number of completed steps. */
  step: number
  /** Named flat state vectors (momentum buffer, first and second moments). */
  buffers: Record<string, number[]>
}

/**
 * A stateful update rule with PyTorch semantics. `lr` is public and mutable so learning-rate
 * schedules can drive it between steps.
 */
export interface Optimizer {
  readonly config: OptimizerConfig
  lr: number
  /** Updates params in place from grads (grads are not modified). */
  step(params: FloatArray, grads: FloatArray): void
  toJSON(): OptimizerStateJSON
  /** Restores a checkpoint taken from an optimizer of the same kind and size. */
  load(state: OptimizerStateJSON): void
}

export function assertSize(actual: number, expected: number, what: string): void {
  if (actual !== expected)
    throw new Error(`${what} has ${actual} values, optimizer was created for ${expected}`)
}

/** Copies a checkpointed buffer into live state after checking its length. */
export function restoreBuffer(target: Float64Array, state: OptimizerStateJSON, name: string): void {
  const values = state.buffers?.[name]
  if (!Array.isArray(values)) throw new Error(`Optimizer state is missing buffer "${name}"`)
  assertSize(values.length, target.length, `Optimizer state buffer "${name}"`)
  target.set(values)
}
