import { fillDropoutMask } from '../dropout'
import { mulberry32, type Random } from '../prng'
import type { FloatArray } from '../types'
import type { LinearArena } from './arena'
import type { BatchBuffers, LayerSequences } from './batch-buffers'
import { gemmNN, type KernelExports } from './kernel-exports'
import type { LayerParams, ParamBuffers } from './param-buffers'

export interface ForwardContext {
  kernels: KernelExports
  arena: LinearArena
  params: ParamBuffers
  buffers: BatchBuffers
}

/** Address of the sequence layer k feeds upward: its masked output when dropout ran, else h_1…h_T. */
export function layerOutput(ctx: ForwardContext, k: number, dropoutActive: boolean): number {
  const seq = ctx.buffers.layers[k]
  if (dropoutActive && seq.dropout > 0) return seq.dropped
  return seq.hs + ctx.buffers.batch * ctx.params.layers[k].units * 4
}

/** Runs the stack and the head; `dropoutSeed` null = inference (no masks). Output stays in buffers.out. */
export function forwardPass(ctx: ForwardContext, x: FloatArray, dropoutSeed: number | null): void {
  const { kernels, params, buffers } = ctx
  uploadTimeMajor(ctx, x, params.layers[0].inputSize)
  const random = dropoutSeed === null ? null : mulberry32(dropoutSeed)
  for (let k = 0; k < buffers.layers.length; k++) {
    const input = k === 0 ? buffers.x : layerOutput(ctx, k - 1, random !== null)
    forwardLayer(kernels, params.layers[k], buffers.layers[k], input, buffers)
    const seq = buffers.layers[k]
    if (random && seq.dropout > 0) applyDropout(ctx, k, random)
  }
  const top = params.layers[params.layers.length - 1]
  const hLast = buffers.layers[buffers.layers.length - 1].hs + buffers.steps * buffers.batch * top.units * 4
  kernels.fillRows(buffers.out, params.headB, buffers.batch, params.outputSize)
  gemmNN(kernels, hLast, params.headWT, buffers.out, buffers.batch, params.outputSize, top.units, true)
}

function forwardLayer(
  kernels: KernelExports,
  layer: LayerParams,
  seq: LayerSequences,
  input: number,
  buffers: BatchBuffers,
): void {
  const { batch, steps, gh } = buffers
  const { rows, units, inputSize } = layer
  const gateBytes = batch * rows * 4
  const stateBytes = batch * units * 4
  const inputBytes = batch * inputSize * 4
  for (let t = 0; t < steps; t++) {
    const gates = seq.gates + t * gateBytes
    const hPrev = seq.hs + t * stateBytes
    // Both products of a step while its gate rows are hot in cache: one big input projection
    // over all steps measured slower for large layers (its output streams through DRAM).
    kernels.fillRows(gates, layer.bias, batch, rows)
    gemmNN(kernels, input + t * inputBytes, layer.wIhT, gates, batch, rows, inputSize, true)
    const h = hPrev + stateBytes
    if (seq.cell === 'gru') {
      gruStep(kernels, layer, seq, gh, t, batch)
      continue
    }
    // h_0 is zero, so the first step has no recurrent product.
    if (t > 0) gemmNN(kernels, hPrev, layer.wHhT, gates, batch, rows, units, true)
    if (seq.cell === 'lstm') {
      const cPrev = seq.cs + t * stateBytes
      kernels.lstmCellForward(gates, cPrev, cPrev + stateBytes, seq.tanhC + t * stateBytes, h, batch, units)
    } else {
      kernels.rnnCellForward(gates, h, batch * units)
    }
  }
}

/** GRU keeps the recurrent projection apart (its n rows are scaled by r before the sum). */
function gruStep(
  kernels: KernelExports,
  layer: LayerParams,
  seq: LayerSequences,
  gh: number,
  t: number,
  batch: number,
) {
  const { rows, units } = layer
  const stateBytes = batch * units * 4
  const hPrev = seq.hs + t * stateBytes
  kernels.fillRows(gh, layer.biasHh, batch, rows)
  if (t > 0) gemmNN(kernels, hPrev, layer.wHhT, gh, batch, rows, units, true)
  const gates = seq.gates + t * batch * rows * 4
  kernels.gruCellForward(gates, gh, hPrev, seq.hn + t * stateBytes, hPrev + stateBytes, batch, units)
}

/** Same draws in the same order as the reference ([batch, steps, units]), stored time-major. */
function applyDropout(ctx: ForwardContext, k: number, random: Random): void {
  const { arena, buffers, kernels } = ctx
  const { batch, steps } = buffers
  const units = ctx.params.layers[k].units
  const seq = buffers.layers[k]
  const drawn = buffers.maskScratch.subarray(0, batch * steps * units)
  fillDropoutMask(drawn, seq.dropout, random)
  const mask = arena.floats(seq.mask, steps * batch * units)
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < steps; t++) {
      mask.set(drawn.subarray((b * steps + t) * units, (b * steps + t + 1) * units), (t * batch + b) * units)
    }
  }
  kernels.mulInto(seq.dropped, seq.hs + batch * units * 4, seq.mask, steps * batch * units)
}

function uploadTimeMajor(ctx: ForwardContext, x: FloatArray, inputSize: number): void {
  const { batch, steps } = ctx.buffers
  const target = ctx.arena.floats(ctx.buffers.x, steps * batch * inputSize)
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < steps; t++) {
      const from = (b * steps + t) * inputSize
      const to = (t * batch + b) * inputSize
      for (let i = 0; i < inputSize; i++) target[to + i] = x[from + i]
    }
  }
}
