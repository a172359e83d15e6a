/**
 * Plain objects shaped like the onnx.proto messages (field names as in the .proto), so the
 * graph reads like the ONNX spec and protobufjs encodes it without any conversion layer.
 */

export const FLOAT = 1
export const INT64 = 7

const ATTRIBUTE_INT = 2
const ATTRIBUTE_INTS = 7

export interface TensorPart {
  name: string
  dims: number[]
  data_type: number
  raw_data: Uint8Array
}

export interface AttributePart {
  name: string
  type: number
  i?: number
  ints?: number[]
}

export interface NodePart {
  name: string
  op_type: string
  input: string[]
  output: string[]
  attribute: AttributePart[]
}

export interface ValueInfoPart {
  name: string
  type: {
    tensor_type: { elem_type: number; shape: { dim: ({ dim_value: number } | { dim_param: string })[] } }
  }
}

/** ONNX stores tensor data little-endian whatever the machine. */
export function floatTensor(name: string, dims: number[], values: ArrayLike<number>): TensorPart {
  const bytes = new Uint8Array(values.length * 4)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true)
  return { name, dims, data_type: FLOAT, raw_data: bytes }
}

export function int64Tensor(name: string, values: number[]): TensorPart {
  const bytes = new Uint8Array(values.length * 8)
  const view = new DataView(bytes.buffer)
  values.forEach((value, i) => view.setBigInt64(i * 8, BigInt(value), true))
  return { name, dims: [values.length], data_type: INT64, raw_data: bytes }
}

export function intAttribute(name: string, value: number): AttributePart {
  return { name, type: ATTRIBUTE_INT, i: value }
}

export function intsAttribute(name: string, values: number[]): AttributePart {
  return { name, type: ATTRIBUTE_INTS, ints: values }
}

export function node(
  opType: string,
  name: string,
  input: string[],
  output: string[],
  attribute: AttributePart[] = [],
): NodePart {
  return { name, op_type: opType, input, output, attribute }
}

/** A float tensor signature; string dimensions are symbolic (dynamic) axes. */
export function floatValueInfo(name: string, dims: (number | string)[]): ValueInfoPart {
  const dim = dims.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d }))
  return { name, type: { tensor_type: { elem_type: FLOAT, shape: { dim } } } }
}
