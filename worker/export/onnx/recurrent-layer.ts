import { ONNX_GATES, reorderGates } from '../gate-order'
import type { LayerTensors } from '../network'
import { floatTensor, intAttribute, node, type NodePart, type TensorPart } from './graph-parts'

const OPERATOR = { lstm: 'LSTM', gru: 'GRU', rnn: 'RNN' } as const

export interface LayerGraph {
  nodes: NodePart[]
  initializers: TensorPart[]
  /** Y: [seq, num_directions = 1, batch, units] */
  sequence: string
  /** Y_h: [num_directions = 1, batch, units], the hidden state after the last step. */
  lastHidden: string
}

/**
 * One engine layer as ONNX's own recurrent operator (layout 0: [seq, batch, features]).
 * W and R take the engine's W_ih and W_hh with gate blocks permuted to ONNX order; ONNX wants
 * both bias vectors too, concatenated as B = [Wb; Rb], which keeps GRU's recurrent bias inside
 * the reset product (linear_before_reset = 1), exactly PyTorch's formulation.
 */
export function recurrentLayer(layer: LayerTensors, k: number, input: string, namePrefix = ''): LayerGraph {
  const order = ONNX_GATES[layer.cell]
  const rows = order.length * layer.units
  const prefix = `${namePrefix}layers.${k}`
  const w = floatTensor(
    `${prefix}.W`,
    [1, rows, layer.inputSize],
    reorderGates(layer.wIh, layer.units, layer.inputSize, order),
  )
  const r = floatTensor(
    `${prefix}.R`,
    [1, rows, layer.units],
    reorderGates(layer.wHh, layer.units, layer.units, order),
  )
  const bias = new Float64Array(2 * rows)
  bias.set(reorderGates(layer.bIh, layer.units, 1, order))
  bias.set(reorderGates(layer.bHh, layer.units, 1, order), rows)
  const b = floatTensor(`${prefix}.B`, [1, 2 * rows], bias)
  const attributes = [intAttribute('hidden_size', layer.units)]
  if (layer.cell === 'gru') attributes.push(intAttribute('linear_before_reset', 1))
  const sequence = `${prefix}.Y`
  const lastHidden = `${prefix}.Y_h`
  const cellNode = node(
    OPERATOR[layer.cell],
    `${prefix}.${OPERATOR[layer.cell]}`,
    [input, w.name, r.name, b.name],
    [sequence, lastHidden],
    attributes,
  )
  return { nodes: [cellNode], initializers: [w, r, b], sequence, lastHidden }
}
