import { describe, expect, it } from 'vitest'
import { LinearArena } from '../../../worker/engine/wasm/arena'
import type { KernelExports } from '../../../worker/engine/wasm/kernel-exports'
import { instantiateKernels, loadKernels } from '../../../worker/engine/wasm/loader'
import { maxRelativeError, runnableFlavors, seededValues } from './flavors'

// Odd widths (1, 5, 7) exercise the scalar tails next to the 4-lane bodies.
const SHAPES: Array<[number, number]> = [
  [1, 1],
  [3, 5],
  [2, 7],
  [4, 12],
]

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))

function put(arena: LinearArena, values: Float32Array): number {
  const address = arena.alloc(values.length)
  arena.floats(address, values.length).set(values)
  return address
}

async function setUp(
  flavor: 'relaxed-simd' | 'simd',
): Promise<{ kernels: KernelExports; arena: LinearArena }> {
  const kernels = instantiateKernels(await loadKernels(flavor))
  return { kernels, arena: new LinearArena(kernels) }
}

describe.each(runnableFlavors())('cell kernels (%s build)', (flavor) => {
  it('LSTM forward computes gate activations, c, tanh c and h', async () => {
    const { kernels, arena } = await setUp(flavor)
    for (const [batch, units] of SHAPES) {
      // Scaled to ±6 so saturated sigmoids/tanh are covered too.
      const pre = seededValues(batch * 4 * units, units).map((v) => 6 * v)
      const cPrev = seededValues(batch * units, batch + 7)
      const gates = put(arena, pre)
      const pc = put(arena, cPrev)
      const [c, tc, h] = [arena.alloc(batch * units), arena.alloc(batch * units), arena.alloc(batch * units)]
      kernels.lstmCellForward(gates, pc, c, tc, h, batch, units)
      const acts = new Float64Array(pre.length)
      const expectC = new Float64Array(batch * units)
      const expectH = new Float64Array(batch * units)
      for (let b = 0; b < batch; b++) {
        for (let j = 0; j < units; j++) {
          const at = (gate: number): number => b * 4 * units + gate * units + j
          const [i, f, g, o] = [
            sigmoid(pre[at(0)]),
            sigmoid(pre[at(1)]),
            Math.tanh(pre[at(2)]),
            sigmoid(pre[at(3)]),
          ]
          ;[acts[at(0)], acts[at(1)], acts[at(2)], acts[at(3)]] = [i, f, g, o]
          expectC[b * units + j] = f * cPrev[b * units + j] + i * g
          expectH[b * units + j] = o * Math.tanh(expectC[b * units + j])
        }
      }
      expect(maxRelativeError(arena.floats(gates, pre.length), acts, 1e-6)).toBeLessThan(2e-6)
      // c = f·c' + i·g may cancel in float32: judged by absolute error below 1.
      expect(maxRelativeError(arena.floats(c, batch * units), expectC, 1)).toBeLessThan(2e-6)
      expect(maxRelativeError(arena.floats(tc, batch * units), expectC.map(Math.tanh), 1)).toBeLessThan(2e-6)
      expect(maxRelativeError(arena.floats(h, batch * units), expectH, 1)).toBeLessThan(2e-6)
    }
  })

  it('tanh stays accurate relative to tiny arguments', async () => {
    const { kernels, arena } = await setUp(flavor)
    const pre = Float32Array.from([1e-6, -3e-5, 2e-4, 1e-2, -0.3, 0.34, 0.35, -20, 20])
    const h = arena.alloc(pre.length)
    kernels.rnnCellForward(put(arena, pre), h, pre.length)
    expect(maxRelativeError(arena.floats(h, pre.length), Array.from(pre, Math.tanh), 1e-30)).toBeLessThan(
      1e-6,
    )
  })

  it('LSTM backward gives the pre-activation gradients and the carried dc', async () => {
    const { kernels, arena } = await setUp(flavor)
    for (const [batch, units] of SHAPES) {
      const n = batch * units
      const acts = seededValues(batch * 4 * units, units + 3).map((v) => 0.5 + 0.45 * v)
      const [cPrev, tanhC, dh, dhExtra, dc] = [1, 2, 3, 4, 5].map((s) => seededValues(n, s * 11 + units))
      const [pActs, pCPrev, pTanhC, pDh, pExtra, pDc] = [acts, cPrev, tanhC, dh, dhExtra, dc].map((v) =>
        put(arena, v),
      )
      const dGates = arena.alloc(acts.length)
      kernels.lstmCellBackward(pActs, pCPrev, pTanhC, pDh, pExtra, pDc, dGates, batch, units)
      const expectD = new Float64Array(acts.length)
      const expectDc = new Float64Array(n)
      for (let b = 0; b < batch; b++) {
        for (let j = 0; j < units; j++) {
          const at = (gate: number): number => b * 4 * units + gate * units + j
          const [i, f, g, o] = [acts[at(0)], acts[at(1)], acts[at(2)], acts[at(3)]]
          const e = b * units + j
          const dhTotal = dh[e] + dhExtra[e]
          const dcTotal = dc[e] + dhTotal * o * (1 - tanhC[e] ** 2)
          expectD[at(0)] = dcTotal * g * i * (1 - i)
          expectD[at(1)] = dcTotal * cPrev[e] * f * (1 - f)
          expectD[at(2)] = dcTotal * i * (1 - g * g)
          expectD[at(3)] = dhTotal * tanhC[e] * o * (1 - o)
          expectDc[e] = dcTotal * f
        }
      }
      expect(maxRelativeError(arena.floats(dGates, acts.length), expectD, 1e-3)).toBeLessThan(1e-5)
      expect(maxRelativeError(arena.floats(pDc, n), expectDc, 1e-3)).toBeLessThan(1e-5)
    }
  })

  it('RNN backward multiplies the summed gradient by 1 − h²; a null extra means none', async () => {
    const { kernels, arena } = await setUp(flavor)
    const n = 11
    const [h, dh, extra] = [1, 2, 3].map((s) => seededValues(n, s))
    const [ph, pdh, pextra] = [h, dh, extra].map((v) => put(arena, v))
    const [withExtra, without] = [arena.alloc(n), arena.alloc(n)]
    kernels.rnnCellBackward(ph, pdh, pextra, withExtra, n)
    kernels.rnnCellBackward(ph, pdh, 0, without, n)
    const grad = (i: number, extraValue: number): number => (dh[i] + extraValue) * (1 - h[i] * h[i])
    expect(
      maxRelativeError(
        arena.floats(withExtra, n),
        Array.from(h, (_, i) => grad(i, extra[i])),
      ),
    ).toBeLessThan(1e-6)
    expect(
      maxRelativeError(
        arena.floats(without, n),
        Array.from(h, (_, i) => grad(i, 0)),
      ),
    ).toBeLessThan(1e-6)
  })

  it('GRU forward and backward follow the PyTorch equations', async () => {
    const { kernels, arena } = await setUp(flavor)
    for (const [batch, units] of SHAPES) {
      const n = batch * units
      const gx = seededValues(batch * 3 * units, units + 1).map((v) => 4 * v)
      const gh = seededValues(batch * 3 * units, units + 2).map((v) => 4 * v)
      const hPrev = seededValues(n, units + 3)
      const [pGx, pGh, pHPrev] = [gx, gh, hPrev].map((v) => put(arena, v))
      const [hn, h] = [arena.alloc(n), arena.alloc(n)]
      kernels.gruCellForward(pGx, pGh, pHPrev, hn, h, batch, units)
      const acts = new Float64Array(gx.length)
      const expectH = new Float64Array(n)
      for (let b = 0; b < batch; b++) {
        for (let j = 0; j < units; j++) {
          const at = (gate: number): number => b * 3 * units + gate * units + j
          const r = sigmoid(gx[at(0)] + gh[at(0)])
          const z = sigmoid(gx[at(1)] + gh[at(1)])
          const cand = Math.tanh(gx[at(2)] + r * gh[at(2)])
          ;[acts[at(0)], acts[at(1)], acts[at(2)]] = [r, z, cand]
          expectH[b * units + j] = (1 - z) * cand + z * hPrev[b * units + j]
        }
      }
      expect(maxRelativeError(arena.floats(pGx, gx.length), acts, 1e-6)).toBeLessThan(2e-6)
      expect(maxRelativeError(arena.floats(h, n), expectH, 1)).toBeLessThan(2e-6)

      // The backward reads the float32 activations; judge it on those, not on float64 ones.
      const stored = Float64Array.from(arena.floats(pGx, gx.length))
      const [dh, extra] = [seededValues(n, 5), seededValues(n, 6)]
      const [pDh, pExtra] = [put(arena, dh), put(arena, extra)]
      const [dGx, dGh] = [arena.alloc(gx.length), arena.alloc(gx.length)]
      kernels.gruCellBackward(pGx, hn, pHPrev, pDh, pExtra, dGx, dGh, batch, units)
      const expectGx = new Float64Array(gx.length)
      const expectGh = new Float64Array(gx.length)
      const expectDirect = new Float64Array(n)
      for (let b = 0; b < batch; b++) {
        for (let j = 0; j < units; j++) {
          const e = b * units + j
          const at = (gate: number): number => b * 3 * units + gate * units + j
          const [r, z, cand] = [stored[at(0)], stored[at(1)], stored[at(2)]]
          const d = dh[e] + extra[e]
          const dPreN = d * (1 - z) * (1 - cand * cand)
          const dPreZ = d * (hPrev[e] - cand) * z * (1 - z)
          const dPreR = dPreN * gh[at(2)] * r * (1 - r)
          ;[expectGx[at(0)], expectGx[at(1)], expectGx[at(2)]] = [dPreR, dPreZ, dPreN]
          ;[expectGh[at(0)], expectGh[at(1)], expectGh[at(2)]] = [dPreR, dPreZ, dPreN * r]
          expectDirect[e] = d * z
        }
      }
      // h_prev − n cancels in float32: absolute error below 1 (a wrong index gives ~0.1).
      expect(maxRelativeError(arena.floats(dGx, gx.length), expectGx, 1)).toBeLessThan(1e-6)
      expect(maxRelativeError(arena.floats(dGh, gx.length), expectGh, 1)).toBeLessThan(1e-6)
      expect(maxRelativeError(arena.floats(pDh, n), expectDirect, 1)).toBeLessThan(1e-6)
    }
  })

  it('vector helpers: column sums, row fill, transpose, add and multiply', async () => {
    const { kernels, arena } = await setUp(flavor)
    const [rows, cols] = [5, 7]
    const source = seededValues(rows * cols, 9)
    const ps = put(arena, source)
    const sums = put(
      arena,
      Float32Array.from({ length: cols }, () => 1),
    )
    kernels.addColumnSums(ps, sums, rows, cols)
    const expectSums = Array.from(
      { length: cols },
      (_, j) => 1 + [0, 1, 2, 3, 4].reduce((s, r) => s + source[r * cols + j], 0),
    )
    expect(maxRelativeError(arena.floats(sums, cols), expectSums)).toBeLessThan(1e-6)

    const transposed = arena.alloc(rows * cols)
    kernels.transpose(ps, transposed, rows, cols)
    expect(arena.floats(transposed, rows * cols)[3 * rows + 2]).toBe(source[2 * cols + 3])

    const filled = arena.alloc(rows * cols)
    kernels.fillRows(filled, ps, rows, cols)
    expect(Array.from(arena.floats(filled, rows * cols).subarray(4 * cols))).toEqual(
      Array.from(source.subarray(0, cols)),
    )

    const product = arena.alloc(rows * cols)
    kernels.mulInto(product, ps, ps, rows * cols)
    kernels.addInto(product, ps, rows * cols)
    expect(
      maxRelativeError(
        arena.floats(product, rows * cols),
        Array.from(source, (v) => v * v + v),
      ),
    ).toBeLessThan(1e-6)
  })
})
