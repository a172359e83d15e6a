import type { FloatArray } from '../types'

/**
 * The arrays a cell's pointwise step reads and writes. The stack code computes the two
 * affine parts (W_ih·x + b_ih and W_hh·h₋₁ + b_hh) and points these fields at the right
 * slices before each call, so cells stay pure elementwise math with no allocation.
 */
export interface StepBuffers {
  units: number
  /** [gates·units] W_ih·x_t + b_ih */
  preIH: FloatArray
  /** [gates·units] W_hh·h_{t-1} + b_hh */
  preHH: FloatArray
  hPrev: FloatArray
  hPrevOff: number
  auxPrev: FloatArray
  auxPrevOff: number
  /** [gates·units] per step values kept for backward and inspection (activations; RNN: pre-activation). */
  gates: FloatArray
  gatesOff: number
  /** [auxPerUnit·units] cell specific extras (LSTM: c, tanh c; GRU: W_hn·h + b_hn). */
  aux: FloatArray
  auxOff: number
  h: FloatArray
  hOff: number
  /** Total ∂loss/∂h_t (from the layer above or the head, plus the recurrence). */
  dh: FloatArray
  dhOff: number
  /** Gradient flowing through the cell state (LSTM dc); cells update it to the previous step's value. */
  carry: FloatArray
  /** Out: ∂loss/∂(W_ih·x + b_ih) and ∂loss/∂(W_hh·h + b_hh); equal for LSTM and RNN. */
  dPreIH: FloatArray
  dPreHH: FloatArray
  /** Where elementwise (non-matrix) gradient into h_{t-1} is ADDED (GRU's z ⊙ h₋₁ path). */
  dhPrev: FloatArray
  dhPrevOff: number
}

export interface CellKernel {
  readonly gates: number
  readonly auxPerUnit: number
  /** Names of the stored gate blocks, in row order (for inspection). */
  readonly gateNames: readonly string[]
  /** True when ∂/∂(W_ih·x) and ∂/∂(W_hh·h) coincide, so dPreHH is not written. */
  readonly sharedPreGradient: boolean
  forward(step: StepBuffers): void
  backward(step: StepBuffers): void
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x))
}
