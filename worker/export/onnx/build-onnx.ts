import { checkNetwork, headTensors, layerTensors, type ExportNetwork } from '../network'
import {
  floatTensor,
  floatValueInfo,
  int64Tensor,
  intAttribute,
  intsAttribute,
  node,
  type NodePart,
  type TensorPart,
} from './graph-parts'
import { modelProtoType } from './onnx-schema'
import { recurrentLayer } from './recurrent-layer'

/** IR 8 with opset 17: read by onnxruntime ≥ 1.14 and every current converter. */
export const ONNX_IR_VERSION = 8
export const ONNX_OPSET = 17
export const ONNX_INPUT = 'input'
export const ONNX_OUTPUT = 'forecast'

export interface OnnxOptions {
  /** Written to metadata_props as is (the exporter puts the scaling here). */
  metadata?: Record<string, string>
  producerVersion?: string
  docString?: string
}

/**
 * input [batch, lookback, features] → Transpose → recurrent layers (Squeeze drops the
 * num_directions axis between them) → Y_h of the top layer, i.e. its hidden state after the
 * last time step → Gemm head → forecast [batch, outputs]. Units are the network's scaled units.
 */
function graphParts(network: ExportNetwork): { nodes: NodePart[]; initializers: TensorPart[] } {
  const nodes: NodePart[] = [
    node('Transpose', 'to_time_major', [ONNX_INPUT], ['sequence.0'], [intsAttribute('perm', [1, 0, 2])]),
  ]
  const initializers: TensorPart[] = [int64Tensor('axes.direction_of_Y_h', [0])]
  if (network.spec.layers.length > 1) initializers.push(int64Tensor('axes.direction_of_Y', [1]))
  let input = 'sequence.0'
  let lastHidden = ''
  network.spec.layers.forEach((_, k) => {
    const layer = recurrentLayer(layerTensors(network, k), k, input)
    nodes.push(...layer.nodes)
    initializers.push(...layer.initializers)
    input = `sequence.${k + 1}`
    if (k < network.spec.layers.length - 1)
      nodes.push(node('Squeeze', `layers.${k}.squeeze`, [layer.sequence, 'axes.direction_of_Y'], [input]))
    lastHidden = layer.lastHidden
  })
  const head = headTensors(network)
  nodes.push(node('Squeeze', 'last_hidden', [lastHidden, 'axes.direction_of_Y_h'], ['hidden']))
  initializers.push(
    floatTensor('head.W', [head.outputs, head.units], head.w),
    floatTensor('head.b', [head.outputs], head.b),
  )
  nodes.push(node('Gemm', 'head', ['hidden', 'head.W', 'head.b'], [ONNX_OUTPUT], [intAttribute('transB', 1)]))
  return { nodes, initializers }
}

/** Serialized onnx.ModelProto of the network. */
export function buildOnnxNetwork(network: ExportNetwork, options: OnnxOptions = {}): Uint8Array {
  checkNetwork(network)
  const { nodes, initializers } = graphParts(network)
  const model = {
    ir_version: ONNX_IR_VERSION,
    producer_name: 'LSTM Studio',
    producer_version: options.producerVersion ?? '',
    doc_string: options.docString ?? '',
    opset_import: [{ domain: '', version: ONNX_OPSET }],
    metadata_props: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: 'lstm_studio_forecaster',
      node: nodes,
      initializer: initializers,
      input: [floatValueInfo(ONNX_INPUT, ['batch', network.lookback, network.spec.inputSize])],
      output: [floatValueInfo(ONNX_OUTPUT, ['batch', network.spec.outputSize])],
    },
  }
  const type = modelProtoType()
  const problem = type.verify(model)
  if (problem) throw new Error(`internal ONNX graph is malformed: ${problem}`)
  return type.encode(type.fromObject(model)).finish()
}
