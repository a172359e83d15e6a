import { checkEnsemble, headTensors, layerTensors, type ExportNetwork } from '../network'
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
/** Names of an ensemble member's nodes and initializers start with `members.m.`. */
export const ONNX_MEMBER_PREFIX = 'members.'

export interface OnnxOptions {
  /** Written to metadata_props as is (the exporter puts the scaling here). */
  metadata?: Record<string, string>
  producerVersion?: string
  docString?: string
}

export type GraphParts = { nodes: NodePart[]; initializers: TensorPart[] }

/**
 * One network from the time-major sequence to its forecast: recurrent layers (Squeeze drops the
 * num_directions axis between them) → Y_h of the top layer, i.e. its hidden state after the last
 * time step → Gemm head. Every name starts with `prefix` ('' for a single network).
 */
function memberParts(network: ExportNetwork, prefix: string, output: string): GraphParts {
  const nodes: NodePart[] = []
  const initializers: TensorPart[] = []
  let input = TIME_MAJOR
  let lastHidden = ''
  network.spec.layers.forEach((_, k) => {
    const layer = recurrentLayer(layerTensors(network, k), k, input, prefix)
    nodes.push(...layer.nodes)
    initializers.push(...layer.initializers)
    input = `${prefix}sequence.${k + 1}`
    if (k < network.spec.layers.length - 1)
      nodes.push(
        node('Squeeze', `${prefix}layers.${k}.squeeze`, [layer.sequence, 'axes.direction_of_Y'], [input]),
      )
    lastHidden = layer.lastHidden
  })
  const head = headTensors(network)
  const hidden = `${prefix}hidden`
  nodes.push(node('Squeeze', `${prefix}last_hidden`, [lastHidden, 'axes.direction_of_Y_h'], [hidden]))
  initializers.push(
    floatTensor(`${prefix}head.W`, [head.outputs, head.units], head.w),
    floatTensor(`${prefix}head.b`, [head.outputs], head.b),
  )
  nodes.push(
    node(
      'Gemm',
      `${prefix}head`,
      [hidden, `${prefix}head.W`, `${prefix}head.b`],
      [output],
      [intAttribute('transB', 1)],
    ),
  )
  return { nodes, initializers }
}

const TIME_MAJOR = 'sequence.0'

/**
 * Nodes that map one member's output (named `output`) to what is averaged (written to `result`);
 * names of the nodes start with `prefix`. Panel exports un-scale each member here, since the mean
 * of un-scaled forecasts is what the app computes (and, for log scaling, not the un-scaled mean).
 */
export type MemberFinish = (output: string, result: string, prefix: string) => NodePart[]

/**
 * `input` [batch, lookback, features] → Transpose → each member's layers and head (→ `finish`)
 * → `output` [batch, outputs]; an ensemble's members (prefixed `members.m.`) are averaged by a
 * Mean node, as the app averages them. Without `finish`, units are the network's scaled units.
 */
export function ensembleParts(
  networks: ExportNetwork[],
  input: string = ONNX_INPUT,
  output: string = ONNX_OUTPUT,
  finish?: MemberFinish,
): GraphParts {
  const nodes: NodePart[] = [
    node('Transpose', 'to_time_major', [input], [TIME_MAJOR], [intsAttribute('perm', [1, 0, 2])]),
  ]
  const initializers: TensorPart[] = [int64Tensor('axes.direction_of_Y_h', [0])]
  if (networks[0].spec.layers.length > 1) initializers.push(int64Tensor('axes.direction_of_Y', [1]))
  const single = networks.length === 1
  const outputs = networks.map((network, m) => {
    const prefix = single ? '' : `${ONNX_MEMBER_PREFIX}${m}.`
    // One plain network writes `output` itself: exactly the graph single-network exports always had.
    const direct = single && !finish
    const memberOutput = direct ? output : `${prefix}${finish ? 'network_output' : ONNX_OUTPUT}`
    const member = memberParts(network, prefix, memberOutput)
    nodes.push(...member.nodes)
    initializers.push(...member.initializers)
    if (!finish) return memberOutput
    const result = single ? output : `${prefix}${ONNX_OUTPUT}`
    nodes.push(...finish(memberOutput, result, prefix))
    return result
  })
  if (!single) nodes.push(node('Mean', 'ensemble_mean', outputs, [output]))
  return { nodes, initializers }
}

/** Serialized onnx.ModelProto of the network. */
export function buildOnnxNetwork(network: ExportNetwork, options: OnnxOptions = {}): Uint8Array {
  return buildOnnxEnsemble([network], options)
}

/** Serialized onnx.ModelProto averaging the networks (one network: exactly buildOnnxNetwork's graph). */
export function buildOnnxEnsemble(networks: ExportNetwork[], options: OnnxOptions = {}): Uint8Array {
  checkEnsemble(networks)
  const [network] = networks
  return encodeOnnxModel(ensembleParts(networks), network, options)
}

/**
 * Serialized onnx.ModelProto of a graph whose input is one window [batch, lookback, inputSize]
 * of `network`'s shape and whose output is [batch, outputSize]; checked before encoding.
 */
export function encodeOnnxModel(
  { nodes, initializers }: GraphParts,
  network: ExportNetwork,
  options: OnnxOptions = {},
): Uint8Array {
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
