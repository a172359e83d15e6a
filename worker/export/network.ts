import { findParam, layerInputSize, paramLayout, validateSpec } from '../engine/index'
import type { CellType, ModelSpec } from '../engine/index'

/** What every exporter needs from a trained network: its shape, its weights and its window length. */
export interface ExportNetwork {
  spec: ModelSpec
  /** Flat parameters in `paramLayout(spec)` order (PyTorch layout). */
  params: ArrayLike<number>
  /** Time steps per input window; exporters fix this axis so consumers see the required shape. */
  lookback: number
}

/** One recurrent layer's tensors, still in PyTorch layout and gate order. */
export interface LayerTensors {
  cell: CellType
  units: number
  inputSize: number
  /** [gates·units, inputSize], row-major */
  wIh: Float64Array
  /** [gates·units, units] */
  wHh: Float64Array
  bIh: Float64Array
  bHh: Float64Array
}

export interface HeadTensors {
  outputs: number
  units: number
  /** [outputs, units] */
  w: Float64Array
  b: Float64Array
}

function slice(network: ExportNetwork, name: string): Float64Array {
  const entry = findParam(paramLayout(network.spec), name)
  return Float64Array.from({ length: entry.size }, (_, i) => network.params[entry.offset + i])
}

/** Refuses a network whose parameter count or window cannot describe a runnable model. */
export function checkNetwork(network: ExportNetwork): void {
  validateSpec(network.spec)
  const layout = paramLayout(network.spec)
  const last = layout[layout.length - 1]
  if (network.params.length !== last.offset + last.size)
    throw new RangeError(
      `the network has ${network.params.length} weights, its layers need ${last.offset + last.size}`,
    )
  if (!Number.isInteger(network.lookback) || network.lookback < 1)
    throw new RangeError(`lookback must be a positive integer, got ${network.lookback}`)
}

/** Refuses an ensemble that is empty, holds an unrunnable network, or whose members differ in shape. */
export function checkEnsemble(networks: ExportNetwork[]): void {
  if (networks.length === 0) throw new RangeError('an export needs at least one network')
  networks.forEach(checkNetwork)
  const shapeOf = (network: ExportNetwork) =>
    JSON.stringify({ spec: network.spec, lookback: network.lookback })
  const shape = shapeOf(networks[0])
  if (networks.some((network) => shapeOf(network) !== shape))
    throw new RangeError('the members of an ensemble must share one shape and lookback')
}

export function layerTensors(network: ExportNetwork, k: number): LayerTensors {
  const layer = network.spec.layers[k]
  return {
    cell: layer.cell,
    units: layer.units,
    inputSize: layerInputSize(network.spec, k),
    wIh: slice(network, `layers.${k}.W_ih`),
    wHh: slice(network, `layers.${k}.W_hh`),
    bIh: slice(network, `layers.${k}.b_ih`),
    bHh: slice(network, `layers.${k}.b_hh`),
  }
}

export function headTensors(network: ExportNetwork): HeadTensors {
  const { spec } = network
  return {
    outputs: spec.outputSize,
    units: spec.layers[spec.layers.length - 1].units,
    w: slice(network, 'head.W'),
    b: slice(network, 'head.b'),
  }
}
