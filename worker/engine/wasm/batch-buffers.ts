import type { CellType, ModelSpec } from '../types'
import type { LinearArena } from './arena'
import type { ParamBuffers } from './param-buffers'

/**
 * Per-layer sequences of one batch shape in linear memory, all TIME-MAJOR ([steps, batch, …])
 * so that one step's rows are contiguous and each product of a step is one GEMM call.
 * Gradients are only kept for the current step: every product using them runs while they are
 * hot in cache, which also keeps the memory of a batch to about the forward record.
 */
export interface LayerSequences {
  cell: CellType
  /** dropout rate applied to this layer's output (0 for the top layer, as in the reference) */
  dropout: number
  /** [steps, batch, rows] pre-activations, turned into activations by the cell kernel */
  gates: number
  /** [steps + 1, batch, units]; slot 0 is the zero initial state, slot t + 1 is h_t */
  hs: number
  /** LSTM only: [steps + 1, batch, units] cell states like hs, and [steps, batch, units] tanh(c_t) */
  cs: number
  tanhC: number
  /** GRU only: [steps, batch, units] W_hn·h_{t−1} + b_hn, which the reset gate scaled */
  hn: number
  /** [steps, batch, units] dropout mask (0 or 1/(1−rate)) and the masked output; 0 when unused */
  mask: number
  dropped: number
  /** [steps, batch, units] ∂loss/∂(output seen by the layer above); 0 for the top layer */
  dFromAbove: number
}

export interface BatchBuffers {
  batch: number
  steps: number
  layers: LayerSequences[]
  /** [steps, batch, inputSize] the input, transposed from [batch, steps, inputSize] */
  x: number
  /** [batch, outputSize] */
  out: number
  dOut: number
  /** [batch, max rows] pre-activation gradients of the step being differentiated */
  dGates: number
  /** GRU only, [batch, max rows]: the recurrent projection of a step and its gradient */
  gh: number
  dGh: number
  /** [batch, max units] recurrent carries of the backward pass: ∂/∂h_{t−1} and ∂/∂c_{t−1} */
  dhRec: number
  dc: number
  /** [batch, steps, max units] host-side mask in the reference's draw order */
  maskScratch: Float32Array
}

export function allocateBatchBuffers(
  spec: ModelSpec,
  params: ParamBuffers,
  arena: LinearArena,
  batch: number,
  steps: number,
): BatchBuffers {
  const top = spec.layers.length - 1
  const layers = spec.layers.map((layer, k): LayerSequences => {
    const { units, rows } = params.layers[k]
    const sequence = steps * batch * units
    const isLstm = layer.cell === 'lstm'
    const dropout = k < top ? (layer.dropout ?? 0) : 0
    return {
      cell: layer.cell,
      dropout,
      gates: arena.alloc(steps * batch * rows),
      hs: arena.alloc((steps + 1) * batch * units),
      cs: isLstm ? arena.alloc((steps + 1) * batch * units) : 0,
      tanhC: isLstm ? arena.alloc(sequence) : 0,
      hn: layer.cell === 'gru' ? arena.alloc(sequence) : 0,
      mask: dropout > 0 ? arena.alloc(sequence) : 0,
      dropped: dropout > 0 ? arena.alloc(sequence) : 0,
      dFromAbove: k < top ? arena.alloc(sequence) : 0,
    }
  })
  const maxRows = Math.max(...params.layers.map((layer) => layer.rows))
  const maxUnits = Math.max(...params.layers.map((layer) => layer.units))
  const hasGru = spec.layers.some((layer) => layer.cell === 'gru')
  return {
    batch,
    steps,
    layers,
    x: arena.alloc(steps * batch * spec.inputSize),
    out: arena.alloc(batch * spec.outputSize),
    dOut: arena.alloc(batch * spec.outputSize),
    dGates: arena.alloc(batch * maxRows),
    gh: hasGru ? arena.alloc(batch * maxRows) : 0,
    dGh: hasGru ? arena.alloc(batch * maxRows) : 0,
    dhRec: arena.alloc(batch * maxUnits),
    dc: arena.alloc(batch * maxUnits),
    maskScratch: new Float32Array(layers.some((layer) => layer.dropout > 0) ? batch * steps * maxUnits : 0),
  }
}
