import { supportsFlavor, type KernelFlavor } from '../../../worker/engine/wasm/loader'

const ALL: KernelFlavor[] = ['relaxed-simd', 'simd']

/** Kernel builds this runtime can execute; both are tested where possible. */
export function runnableFlavors(): KernelFlavor[] {
  const runnable = ALL.filter((flavor) => supportsFlavor(flavor))
  const skipped = ALL.filter((flavor) => !runnable.includes(flavor))
  console.info(
    `wasm kernel builds tested: ${runnable.join(', ') || 'none'}${skipped.length ? `; unsupported here: ${skipped.join(', ')}` : ''}`,
  )
  return runnable
}

/** Deterministic values in [-1, 1) so failures reproduce. */
export function seededValues(count: number, seed: number): Float32Array {
  let state = seed >>> 0
  const values = new Float32Array(count)
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    values[i] = state / 2147483648 - 1
  }
  return values
}

export function maxRelativeError(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  floor = 1e-3,
): number {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`)
  let worst = 0
  for (let i = 0; i < actual.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor)
    if (!(error <= worst)) worst = error
  }
  return worst
}
