import { paramNameAt } from './layout'
import type { ParamLayout } from './types'

/** Thrown when a loss, an output or a gradient stops being a finite number (divergence). */
export class NonFiniteError extends Error {
  readonly code = 'NON_FINITE'
  /** What went non-finite, e.g. `loss` or `gradient of layers.0.W_hh`. */
  readonly what: string
  /** Flat index of the first bad value inside `what`. */
  readonly index: number
  readonly value: number

  constructor(what: string, index: number, value: number) {
    super(
      `${what} is not finite (${value} at index ${index}); training diverged or the input contains NaN/Inf`,
    )
    this.name = 'NonFiniteError'
    this.what = what
    this.index = index
    this.value = value
  }
}

/** Index of the first NaN/±Inf, or −1. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) return i
  }
  return -1
}

export function assertFinite(values: ArrayLike<number> | number, what: string): void {
  const array = typeof values === 'number' ? [values] : values
  const index = firstNonFinite(array)
  if (index >= 0) throw new NonFiniteError(what, index, array[index])
}

/** Names the parameter tensor whose gradient first turns non-finite. */
export function assertFiniteGradients(layout: ParamLayout, grads: ArrayLike<number>): void {
  const index = firstNonFinite(grads)
  if (index < 0) return
  const name = paramNameAt(layout, index)
  const entry = layout.find((candidate) => candidate.name === name)
  throw new NonFiniteError(`gradient of ${name}`, entry ? index - entry.offset : index, grads[index])
}
