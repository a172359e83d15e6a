import { describe, expect, it } from 'vitest'
import { LinearArena } from '../../../worker/engine/wasm/arena'
import { gemmNN, gemmTN } from '../../../worker/engine/wasm/kernel-exports'
import { instantiateKernels, loadKernels } from '../../../worker/engine/wasm/loader'
import { maxRelativeError, runnableFlavors, seededValues } from './flavors'

// Sizes deliberately not multiples of the 4×8 register block, to exercise every tail path.
const SHAPES: Array<[number, number, number]> = [
  [1, 1, 1],
  [3, 5, 2],
  [7, 13, 9],
  [9, 21, 17],
  [16, 40, 33],
]

type Layout = 'NN' | 'TN' | 'NT'

/** C (+)= op(A)·op(B) by the textbook triple loop in float64. */
function naive(
  layout: Layout,
  a: Float32Array,
  b: Float32Array,
  c0: Float32Array,
  m: number,
  n: number,
  k: number,
) {
  const c = Float64Array.from(c0)
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0
      for (let p = 0; p < k; p++) {
        const av = layout === 'TN' ? a[p * m + i] : a[i * k + p]
        const bv = layout === 'NT' ? b[j * k + p] : b[p * n + j]
        sum += av * bv
      }
      c[i * n + j] += sum
    }
  }
  return c
}

describe.each(runnableFlavors())('GEMM kernels (%s build)', (flavor) => {
  for (const layout of ['NN', 'TN', 'NT'] as const) {
    for (const accumulate of [false, true]) {
      it(`${layout} ${accumulate ? 'accumulating' : 'overwriting'} matches a plain loop on odd sizes`, async () => {
        const kernels = instantiateKernels(await loadKernels(flavor))
        const arena = new LinearArena(kernels)
        for (const [m, n, k] of SHAPES) {
          const a = seededValues(m * k, m * 31 + k)
          const b = seededValues(k * n, n * 17 + k)
          const c = seededValues(m * n, m + n)
          const pa = arena.alloc(a.length)
          const pb = arena.alloc(b.length)
          const pc = arena.alloc(c.length)
          arena.floats(pa, a.length).set(a)
          arena.floats(pb, b.length).set(b)
          arena.floats(pc, c.length).set(c)
          if (layout === 'NN') gemmNN(kernels, pa, pb, pc, m, n, k, accumulate)
          else if (layout === 'TN') gemmTN(kernels, pa, pb, pc, m, n, k, accumulate)
          else kernels.gemmNT(pa, pb, pc, m, n, k, accumulate ? 1 : 0)
          const expected = naive(layout, a, b, accumulate ? c : new Float32Array(m * n), m, n, k)
          // A floor of 1 turns cancellation-prone small sums into absolute error; index bugs give O(1) errors.
          expect(maxRelativeError(arena.floats(pc, m * n), expected, 1), `${m}×${n}×${k}`).toBeLessThan(1e-5)
        }
      })
    }
  }
})
