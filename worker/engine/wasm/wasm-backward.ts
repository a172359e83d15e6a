import { gemmNN, gemmTN } from './kernel-exports'
import { clearGradients } from './param-buffers'
import { layerOutput, type ForwardContext } from './wasm-forward'

/**
 * BPTT after `forwardPass`, from ∂loss/∂output already in buffers.dOut. With truncation only
 * steps ≥ first are differentiated, in every layer, and states before them are constants —
 * the reference backend's semantics. Gradients accumulate in the ParamBuffers.
 */
export function backwardPass(ctx: ForwardContext, truncateSteps: number, dropoutActive: boolean): void {
  const { kernels, arena, params, buffers } = ctx
  const { batch, steps } = buffers
  const first = truncateSteps > 0 ? Math.max(0, steps - truncateSteps) : 0
  clearGradients(params, arena)
  backwardHead(ctx)
  for (let k = buffers.layers.length - 1; k >= 0; k--) {
    const seq = buffers.layers[k]
    const units = params.layers[k].units
    if (seq.dFromAbove !== 0) {
      arena.floats(buffers.dhRec, batch * units).fill(0)
      // The layer above read masked outputs; the mask is also the derivative of masking.
      if (dropoutActive && seq.dropout > 0)
        kernels.mulInto(seq.dFromAbove, seq.dFromAbove, seq.mask, steps * batch * units)
    }
    const input = k === 0 ? buffers.x : layerOutput(ctx, k - 1, dropoutActive)
    backwardLayer(ctx, k, input, first)
  }
}

/** Head: dW = dOutᵀ·h_T, db = Σ dOut, and ∂/∂h_T = dOut·W seeds the top layer's carry. */
function backwardHead(ctx: ForwardContext): void {
  const { kernels, params, buffers } = ctx
  const { batch, steps } = buffers
  const units = params.layers[params.layers.length - 1].units
  const out = params.outputSize
  const hLast = buffers.layers[buffers.layers.length - 1].hs + steps * batch * units * 4
  gemmTN(kernels, buffers.dOut, hLast, params.dHeadW, out, units, batch, false)
  ctx.arena.floats(params.dHeadB, out).fill(0)
  kernels.addColumnSums(buffers.dOut, params.dHeadB, batch, out)
  gemmNN(kernels, buffers.dOut, params.headW, buffers.dhRec, batch, units, out, false)
}

function backwardLayer(ctx: ForwardContext, k: number, input: number, first: number): void {
  const { kernels, arena, params, buffers } = ctx
  const { batch, steps } = buffers
  const layer = params.layers[k]
  const seq = buffers.layers[k]
  const { rows, units, inputSize } = layer
  const gateBytes = batch * rows * 4
  const stateBytes = batch * units * 4
  if (seq.cell === 'lstm') arena.floats(buffers.dc, batch * units).fill(0)
  const below = k > 0 ? buffers.layers[k - 1].dFromAbove : 0
  const dGates = buffers.dGates
  for (let t = steps - 1; t >= first; t--) {
    const extra = seq.dFromAbove === 0 ? 0 : seq.dFromAbove + t * stateBytes
    const hPrev = seq.hs + t * stateBytes
    const gates = seq.gates + t * gateBytes
    // GRU: the recurrent product has its own gradient dGh; the cell leaves z·dh in dhRec.
    let dRecurrent = dGates
    if (seq.cell === 'lstm') {
      const cPrev = seq.cs + t * stateBytes
      const tanhC = seq.tanhC + t * stateBytes
      kernels.lstmCellBackward(gates, cPrev, tanhC, buffers.dhRec, extra, buffers.dc, dGates, batch, units)
    } else if (seq.cell === 'gru') {
      dRecurrent = buffers.dGh
      const hn = seq.hn + t * stateBytes
      kernels.gruCellBackward(gates, hn, hPrev, buffers.dhRec, extra, dGates, dRecurrent, batch, units)
      kernels.addColumnSums(dRecurrent, layer.dBiasHh, batch, rows)
    } else {
      kernels.rnnCellBackward(hPrev + stateBytes, buffers.dhRec, extra, dGates, batch * units)
    }
    const keepsDirectShare = seq.cell === 'gru'
    if (t > first) gemmNN(kernels, dRecurrent, layer.wHh, buffers.dhRec, batch, units, rows, keepsDirectShare)
    // Every product of a step while dGates is hot: per-step dW measured faster than one large TN.
    if (t > 0) gemmTN(kernels, hPrev, dRecurrent, layer.dWHhT, units, rows, batch, true)
    const inputAt = input + t * batch * inputSize * 4
    gemmTN(kernels, inputAt, dGates, layer.dWIhT, inputSize, rows, batch, true)
    kernels.addColumnSums(dGates, layer.dBias, batch, rows)
    if (below !== 0)
      gemmNN(kernels, dGates, layer.wIh, below + t * batch * inputSize * 4, batch, inputSize, rows, false)
  }
}
