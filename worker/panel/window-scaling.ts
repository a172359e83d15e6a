import type { WindowScaling } from './types'

/**
 * Per-window normalisation. `reference` reads a window's observed inputs; `toScaled` and
 * `fromScaled` map values to and from the network's scale with it.
 */

/** The mean |value| of the observed inputs (1 when it is 0), or log of the last input. */
export function windowReference(
  values: Float64Array,
  from: number,
  to: number,
  scaling: WindowScaling,
): number {
  if (scaling === 'log') return Math.log(values[to - 1])
  let sum = 0
  for (let t = from; t < to; t++) sum += Math.abs(values[t])
  const mean = sum / (to - from)
  return mean > 1e-12 ? mean : 1
}

export function toScaled(value: number, reference: number, scaling: WindowScaling): number {
  return scaling === 'log' ? Math.log(value) - reference : value / reference - 1
}

export function fromScaled(scaled: number, reference: number, scaling: WindowScaling): number {
  return scaling === 'log' ? Math.exp(scaled + reference) : (scaled + 1) * reference
}

/** Log scaling needs every value positive; the panel's Auto falls back to 'mean' otherwise. */
export function allPositive(series: readonly Float64Array[]): boolean {
  return series.every((values) => values.every((v) => v > 0))
}
