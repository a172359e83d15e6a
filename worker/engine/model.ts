import { allocateFloats, precisionOf } from './buffers'
import { initializeParams } from './init'
import { layoutSize, paramLayout } from './layout'
import type { FloatArray, ModelSpec, ParamLayout, Precision } from './types'

export interface ModelOptions {
  seed: number
  precision: Precision
  /** Back params and grads by SharedArrayBuffers so worker threads can read them without copies. */
  shared?: boolean
}

export interface Model {
  spec: ModelSpec
  layout: ParamLayout
  params: FloatArray
  grads: FloatArray
}

export interface ModelJSON {
  format: 'lstm-studio-model/1'
  spec: ModelSpec
  precision: Precision
  /** Per parameter tensor: its shape and row-major values. */
  params: Record<string, { shape: number[]; values: number[] }>
}

export function createModel(spec: ModelSpec, options: ModelOptions): Model {
  const layout = paramLayout(spec)
  const size = layoutSize(layout)
  const params = allocateFloats(options.precision, size, options.shared)
  const grads = allocateFloats(options.precision, size, options.shared)
  initializeParams(spec, params, options.seed)
  return { spec: structuredClone(spec), layout, params, grads }
}

export function modelToJSON(model: Model): ModelJSON {
  const params: ModelJSON['params'] = {}
  for (const entry of model.layout) {
    const values = Array.from(model.params.subarray(entry.offset, entry.offset + entry.size))
    params[entry.name] = { shape: [...entry.shape], values }
  }
  return {
    format: 'lstm-studio-model/1',
    spec: structuredClone(model.spec),
    precision: precisionOf(model.params),
    params,
  }
}

/** Rebuilds a model, refusing anything whose tensors do not match what the spec implies. */
export function modelFromJSON(json: ModelJSON, options: { shared?: boolean } = {}): Model {
  if (json === null || typeof json !== 'object') throw new Error('Model JSON must be an object')
  if (json.format !== 'lstm-studio-model/1') {
    throw new Error(`Unsupported model format "${String(json.format)}" (expected lstm-studio-model/1)`)
  }
  const layout = paramLayout(json.spec)
  const precision = json.precision ?? 'float64'
  const params = allocateFloats(precision, layoutSize(layout), options.shared)
  const grads = allocateFloats(precision, params.length, options.shared)
  const known = new Set(layout.map((entry) => entry.name))
  for (const name of Object.keys(json.params ?? {})) {
    if (!known.has(name)) throw new Error(`Model JSON has unexpected parameter "${name}"`)
  }
  for (const entry of layout) {
    const tensor = json.params?.[entry.name]
    if (!tensor) throw new Error(`Model JSON is missing parameter "${entry.name}"`)
    const shapeText = JSON.stringify(tensor.shape)
    if (shapeText !== JSON.stringify(entry.shape)) {
      throw new Error(
        `Parameter "${entry.name}" has shape ${shapeText}, expected ${JSON.stringify(entry.shape)}`,
      )
    }
    if (!Array.isArray(tensor.values) || tensor.values.length !== entry.size) {
      throw new Error(`Parameter "${entry.name}" has ${tensor.values?.length} values, expected ${entry.size}`)
    }
    tensor.values.forEach((value, i) => {
      if (typeof value !== 'number') throw new Error(`Parameter "${entry.name}" value ${i} is not a number`)
      params[entry.offset + i] = value
    })
  }
  return { spec: structuredClone(json.spec), layout, params, grads }
}
