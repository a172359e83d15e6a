import type { FloatArray, LossKind } from './types'

const HUBER_DELTA = 1

/** Loss of one residual d = output − target and its derivative, with PyTorch's subgradients at kinks. */
function pointLoss(kind: LossKind, d: number): number {
  if (kind === 'mse') return d * d
  if (kind === 'mae') return Math.abs(d)
  const size = Math.abs(d)
  return size < HUBER_DELTA ? 0.5 * d * d : HUBER_DELTA * (size - 0.5 * HUBER_DELTA)
}

function pointDerivative(kind: LossKind, d: number): number {
  if (kind === 'mse') return 2 * d
  if (kind === 'mae') return Math.sign(d)
  return Math.abs(d) < HUBER_DELTA ? d : HUBER_DELTA * Math.sign(d)
}

export function assertLossKind(kind: unknown): asserts kind is LossKind {
  if (kind !== 'mse' && kind !== 'mae' && kind !== 'huber') {
    throw new Error(`Unknown loss "${String(kind)}" (expected mse, mae or huber)`)
  }
}

/**
 * Loss summed over the outputs whose target is defined: a NaN target (a value past the end of
 * the data the window may read) counts for nothing. Summed, so chunks add up exactly.
 */
export function maskedLossSum(
  kind: LossKind,
  output: FloatArray,
  target: ArrayLike<number>,
  count: number,
): number {
  assertLossKind(kind)
  let sum = 0
  for (let i = 0; i < count; i++) if (!Number.isNaN(target[i])) sum += pointLoss(kind, output[i] - target[i])
  return sum
}

/** Mean loss, and writes ∂(mean loss)/∂output into `dOutput`. */
export function meanLossWithGradient(
  kind: LossKind,
  output: FloatArray,
  target: ArrayLike<number>,
  count: number,
  dOutput: FloatArray,
): number {
  assertLossKind(kind)
  let sum = 0
  for (let i = 0; i < count; i++) {
    const d = output[i] - target[i]
    sum += pointLoss(kind, d)
    dOutput[i] = pointDerivative(kind, d) / count
  }
  return sum / count
}
