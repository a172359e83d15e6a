import {
  gateCount,
  paramLayout,
  validateSpec,
  type CellType,
  type LayerSpec,
  type ModelSpec,
} from '../../engine/index'
import type { TrainedModel } from '../../pipeline/index'
import { ONNX_GATES, reorderGates } from '../gate-order'
import { ONNX_MEMBER_PREFIX, ONNX_OUTPUT } from '../onnx/build-onnx'
import { decodeOnnx, unsupportedGraph, type DecodedOnnx, type OnnxNode, type OnnxTensor } from './onnx-graph'
import { parsePreprocessing, type ReadPreprocessing } from './read-preprocessing'
import { rebuildTrainedModel } from './rebuild-model'

/**
 * model.onnx back to a TrainedModel: the inverse of build-onnx + recurrent-layer. Reading the
 * weights (rather than running onnxruntime, whose run is asynchronous) lets the synchronous
 * pipeline forecast an ONNX export exactly as it forecasts a native folder.
 */

const CELL_OF_OPERATOR: Record<string, CellType> = { LSTM: 'lstm', GRU: 'gru', RNN: 'rnn' }

export interface ReadOnnx {
  model: TrainedModel
  preprocessing: ReadPreprocessing
  producerVersion: string
}

/** Engine layout ← ONNX: for each engine gate, the ONNX block that holds it. */
function inverseOrder(order: readonly number[]): number[] {
  const inverse: number[] = []
  order.forEach((source, target) => (inverse[source] = target))
  return inverse
}

function tensor(graph: DecodedOnnx, name: string, dims: number[]): OnnxTensor {
  const found = graph.floats.get(name)
  if (!found) unsupportedGraph(`missing initializer ${name}`)
  if (found.dims.join('×') !== dims.join('×'))
    unsupportedGraph(`${name} has shape [${found.dims.join(', ')}], expected [${dims.join(', ')}]`)
  return found
}

function attribute(node: OnnxNode, name: string): number | undefined {
  const found = node.attribute.find((a) => a.name === name)
  return found?.i === undefined ? undefined : Number(found.i)
}

/** The recurrent node of layer k of one member, checked against what recurrent-layer writes. */
function layerNode(graph: DecodedOnnx, prefix: string, k: number): { cell: CellType; units: number } | null {
  const node = graph.nodes.find(
    (n) => n.name.startsWith(`${prefix}layers.${k}.`) && n.op_type in CELL_OF_OPERATOR,
  )
  if (!node) return null
  const cell = CELL_OF_OPERATOR[node.op_type]
  const units = attribute(node, 'hidden_size')
  const weights = [`${prefix}layers.${k}.W`, `${prefix}layers.${k}.R`, `${prefix}layers.${k}.B`]
  if (!units || units < 1 || node.input.slice(1).join() !== weights.join())
    unsupportedGraph(`node ${node.name} is not wired as LSTM Studio writes its layers`)
  if (cell === 'gru' && attribute(node, 'linear_before_reset') !== 1)
    unsupportedGraph(`GRU node ${node.name} without linear_before_reset = 1`)
  if (node.attribute.some((a) => !['hidden_size', 'linear_before_reset'].includes(a.name)))
    unsupportedGraph(`node ${node.name} has attributes LSTM Studio does not write`)
  return { cell, units }
}

function memberLayers(graph: DecodedOnnx, prefix: string): LayerSpec[] {
  const layers: LayerSpec[] = []
  for (let found = layerNode(graph, prefix, 0); found; found = layerNode(graph, prefix, layers.length))
    layers.push({ ...found, dropout: 0 })
  if (layers.length === 0) unsupportedGraph(`no recurrent layer named ${prefix}layers.0`)
  return layers
}

/** The member prefixes: one unprefixed network, or the inputs of the ensemble's Mean node. */
function memberPrefixes(graph: DecodedOnnx): string[] {
  const mean = graph.nodes.filter((node) => node.op_type === 'Mean')
  if (mean.length === 0) return ['']
  if (mean.length > 1 || mean[0].output.join() !== ONNX_OUTPUT) unsupportedGraph('an unexpected Mean node')
  return mean[0].input.map((input, m) => {
    const prefix = `${ONNX_MEMBER_PREFIX}${m}.`
    if (input !== `${prefix}${ONNX_OUTPUT}`) unsupportedGraph(`ensemble input ${input}`)
    return prefix
  })
}

/** One member's weights in engine layout order (PyTorch gate order, both biases). */
function memberParams(graph: DecodedOnnx, prefix: string, spec: ModelSpec): Float32Array {
  const params = new Float32Array(paramLayout(spec).reduce((sum, entry) => sum + entry.size, 0))
  const put = (name: string, values: ArrayLike<number>) => {
    const entry = paramLayout(spec).find((e) => e.name === name)
    if (!entry || entry.size !== values.length) unsupportedGraph(`${name} does not fit the network`)
    params.set(values, entry.offset)
  }
  let inputSize = spec.inputSize
  spec.layers.forEach((layer, k) => {
    const rows = gateCount(layer.cell) * layer.units
    const order = inverseOrder(ONNX_GATES[layer.cell])
    const name = `${prefix}layers.${k}`
    const w = tensor(graph, `${name}.W`, [1, rows, inputSize]).values
    const r = tensor(graph, `${name}.R`, [1, rows, layer.units]).values
    const b = tensor(graph, `${name}.B`, [1, 2 * rows]).values
    put(`layers.${k}.W_ih`, reorderGates(w, layer.units, inputSize, order))
    put(`layers.${k}.W_hh`, reorderGates(r, layer.units, layer.units, order))
    put(`layers.${k}.b_ih`, reorderGates(b.subarray(0, rows), layer.units, 1, order))
    put(`layers.${k}.b_hh`, reorderGates(b.subarray(rows), layer.units, 1, order))
    inputSize = layer.units
  })
  const top = spec.layers[spec.layers.length - 1].units
  put('head.W', tensor(graph, `${prefix}head.W`, [spec.outputSize, top]).values)
  put('head.b', tensor(graph, `${prefix}head.b`, [spec.outputSize]).values)
  return params
}

function specOf(graph: DecodedOnnx, prefix: string, p: ReadPreprocessing): ModelSpec {
  const [, lookback, features] = graph.inputDims
  if (lookback !== p.lookback || features !== p.features.length)
    unsupportedGraph(
      `input [batch, ${lookback}, ${features}] but the description says [batch, ${p.lookback}, ${p.features.length}]`,
    )
  const head = graph.floats.get(`${prefix}head.b`)
  if (!head || head.dims.length !== 1) unsupportedGraph(`missing initializer ${prefix}head.b`)
  const spec = { inputSize: features, layers: memberLayers(graph, prefix), outputSize: head.dims[0] }
  try {
    validateSpec(spec)
  } catch (error) {
    unsupportedGraph((error as Error).message)
  }
  return spec
}

export function readOnnxModel(bytes: Uint8Array): ReadOnnx {
  const graph = decodeOnnx(bytes)
  const preprocessing = parsePreprocessing(graph.preprocessing)
  const prefixes = memberPrefixes(graph)
  const spec = specOf(graph, prefixes[0], preprocessing)
  const members = prefixes.map((prefix) => {
    if (JSON.stringify(specOf(graph, prefix, preprocessing)) !== JSON.stringify(spec))
      unsupportedGraph('ensemble members of different shapes')
    return memberParams(graph, prefix, spec)
  })
  const params = new Float32Array(members.length * members[0].length)
  members.forEach((member, m) => params.set(member, m * member.length))
  return {
    model: rebuildTrainedModel(preprocessing, spec, params),
    preprocessing,
    producerVersion: graph.producerVersion,
  }
}
