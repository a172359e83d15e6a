import { addVectors, transpose } from '../gate-order'
import { headTensors, layerTensors, type ExportNetwork } from '../network'
import { HEAD_NAME, kerasCell, layerName } from './layer-configs'

export interface NamedWeight {
  name: string
  shape: number[]
  values: Float64Array
}

/**
 * Keras keeps kernels input-major ([in, gates·units]), so the engine's [gates·units, in] matrices
 * are transposed; gate blocks then sit along the columns in the same order (LSTM i, f, c, o is
 * PyTorch's i, f, g, o). Keras has one bias per layer where PyTorch has two that are always summed.
 */
export function nativeLayerWeights(network: ExportNetwork, k: number): NamedWeight[] {
  const layer = layerTensors(network, k)
  const name = layerName(kerasCell(layer.cell), k)
  const columns = layer.wIh.length / layer.inputSize
  return [
    {
      name: `${name}/kernel`,
      shape: [layer.inputSize, columns],
      values: transpose(layer.wIh, columns, layer.inputSize),
    },
    {
      name: `${name}/recurrent_kernel`,
      shape: [layer.units, columns],
      values: transpose(layer.wHh, columns, layer.units),
    },
    { name: `${name}/bias`, shape: [columns], values: addVectors(layer.bIh, layer.bHh) },
  ]
}

export function headWeights(network: ExportNetwork): NamedWeight[] {
  const head = headTensors(network)
  return [
    {
      name: `${HEAD_NAME}/kernel`,
      shape: [head.units, head.outputs],
      values: transpose(head.w, head.outputs, head.units),
    },
    { name: `${HEAD_NAME}/bias`, shape: [head.outputs], values: head.b },
  ]
}

/** The weights of the Sequential model: each native recurrent layer's, then the head's. */
export function kerasWeights(network: ExportNetwork): NamedWeight[] {
  return [...network.spec.layers.flatMap((_, k) => nativeLayerWeights(network, k)), ...headWeights(network)]
}
