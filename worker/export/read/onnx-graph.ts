import { ModelFormatError } from '../../model-format/index'
import { ONNX_INPUT, ONNX_OUTPUT } from '../onnx/build-onnx'
import { modelProtoType } from '../onnx/onnx-schema'
import { PREPROCESSING_KEY } from '../preprocessing'

/**
 * model.onnx decoded into the plain parts an LSTM Studio graph is made of. Anything that is not
 * a graph this app writes is refused here, by name, before a single weight is interpreted.
 */

export const ONNX_PRODUCER = 'LSTM Studio'
const FLOAT = 1
const KNOWN_OPERATORS = new Set(['Transpose', 'LSTM', 'GRU', 'RNN', 'Squeeze', 'Gemm', 'Mean'])

export interface OnnxAttribute {
  name: string
  i?: number
  ints?: number[]
}

export interface OnnxNode {
  name: string
  op_type: string
  input: string[]
  output: string[]
  attribute: OnnxAttribute[]
}

export interface OnnxTensor {
  dims: number[]
  values: Float32Array
}

export interface DecodedOnnx {
  producerVersion: string
  /** The lstm_studio.preprocessing JSON text. */
  preprocessing: string
  nodes: OnnxNode[]
  /** Float initializers by name (int64 axes are checked by the graph walk, not needed here). */
  floats: Map<string, OnnxTensor>
  /** [batch, lookback, features] of the graph input, the batch axis symbolic. */
  inputDims: (number | string)[]
}

interface RawTensor {
  name?: string
  dims?: number[]
  data_type?: number
  raw_data?: Uint8Array
}

interface RawModel {
  producer_name?: string
  producer_version?: string
  metadata_props?: { key?: string; value?: string }[]
  graph?: {
    node?: Partial<OnnxNode>[]
    initializer?: RawTensor[]
    input?: { name?: string; type?: { tensor_type?: { shape?: { dim?: Record<string, unknown>[] } } } }[]
    output?: { name?: string }[]
  }
}

export function unsupportedGraph(problem: string): never {
  throw new ModelFormatError(
    'MODEL_FOREIGN',
    `model.onnx is not an LSTM Studio export this version can forecast (unsupported graph: ${problem}).`,
  )
}

function decode(bytes: Uint8Array): RawModel {
  const type = modelProtoType()
  try {
    return type.toObject(type.decode(bytes), { longs: Number, defaults: true }) as RawModel
  } catch (error) {
    throw new ModelFormatError(
      'MODEL_DAMAGED',
      `model.onnx is not a readable ONNX file (${(error as Error).message}).`,
    )
  }
}

function floatTensor(tensor: RawTensor): OnnxTensor {
  const dims = (tensor.dims ?? []).map(Number)
  const count = dims.reduce((product, dim) => product * dim, 1)
  const raw = tensor.raw_data ?? new Uint8Array()
  if (raw.length !== count * 4)
    unsupportedGraph(`initializer ${tensor.name} holds ${raw.length} bytes, its shape needs ${count * 4}`)
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength)
  const values = Float32Array.from({ length: count }, (_, i) => view.getFloat32(4 * i, true))
  if (values.some((v) => !Number.isFinite(v)))
    throw new ModelFormatError(
      'MODEL_DAMAGED',
      `model.onnx is damaged: ${tensor.name} holds NaN or infinite weights.`,
    )
  return { dims, values }
}

function inputDims(raw: RawModel): (number | string)[] {
  const inputs = raw.graph?.input ?? []
  const outputs = raw.graph?.output ?? []
  if (
    inputs.length !== 1 ||
    inputs[0].name !== ONNX_INPUT ||
    outputs.length !== 1 ||
    outputs[0].name !== ONNX_OUTPUT
  )
    unsupportedGraph(`expected one input "${ONNX_INPUT}" and one output "${ONNX_OUTPUT}"`)
  const dims = inputs[0].type?.tensor_type?.shape?.dim ?? []
  const read = dims.map((dim) =>
    typeof dim.dim_param === 'string' && dim.dim_param ? dim.dim_param : Number(dim.dim_value),
  )
  if (read.length !== 3)
    unsupportedGraph(`the input has ${read.length} axes, expected [batch, lookback, features]`)
  return read
}

/** Decodes and checks the envelope: producer, metadata, operators and tensor types. */
export function decodeOnnx(bytes: Uint8Array): DecodedOnnx {
  const raw = decode(bytes)
  if (raw.producer_name !== ONNX_PRODUCER)
    throw new ModelFormatError(
      'MODEL_FOREIGN',
      `model.onnx was produced by "${raw.producer_name || 'an unnamed tool'}", not ${ONNX_PRODUCER}: ` +
        'lstm-studio forecast reads only ONNX files that LSTM Studio exported.',
    )
  const preprocessing = raw.metadata_props?.find((prop) => prop.key === PREPROCESSING_KEY)?.value
  if (!preprocessing)
    throw new ModelFormatError(
      'MODEL_FOREIGN',
      `model.onnx has no ${PREPROCESSING_KEY} metadata: not an LSTM Studio export.`,
    )
  const nodes = (raw.graph?.node ?? []).map((node) => ({
    name: node.name ?? '',
    op_type: node.op_type ?? '',
    input: node.input ?? [],
    output: node.output ?? [],
    attribute: node.attribute ?? [],
  }))
  const foreign = nodes.find((node) => !KNOWN_OPERATORS.has(node.op_type))
  if (foreign) unsupportedGraph(`operator ${foreign.op_type} (node "${foreign.name}")`)
  const floats = new Map<string, OnnxTensor>()
  for (const tensor of raw.graph?.initializer ?? [])
    if (tensor.data_type === FLOAT) floats.set(tensor.name ?? '', floatTensor(tensor))
  return {
    producerVersion: raw.producer_version ?? '',
    preprocessing,
    nodes,
    floats,
    inputDims: inputDims(raw),
  }
}
