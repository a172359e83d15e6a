import { createReferenceBackend } from './reference-backend'
import type { Backend, ModelSpec } from './types'
import { createWasmBackend } from './wasm/fast-backend'

/** Which compute backend to use; 'auto' takes WebAssembly SIMD when the runtime has it. */
export type BackendKind = 'auto' | 'wasm' | 'reference'

/**
 * The one place a backend is chosen, for training and prediction alike. Weights are float32;
 * 'auto' prefers the WebAssembly SIMD kernels and falls back to the float32 reference where
 * the runtime lacks SIMD, so nothing fails for that.
 */
export async function createBackend(kind: BackendKind, spec: ModelSpec): Promise<Backend> {
  if (kind === 'reference') return createReferenceBackend(spec, 'float32')
  try {
    return await createWasmBackend(spec)
  } catch (error) {
    if (kind === 'wasm') throw error
    return createReferenceBackend(spec, 'float32')
  }
}

/** A backend for weights already trained: float64 weights (a model saved by an earlier version) need the float64 reference. */
export async function backendForParams(
  spec: ModelSpec,
  params: Float32Array | Float64Array,
  kind: BackendKind = 'auto',
): Promise<Backend> {
  return params instanceof Float64Array ? createReferenceBackend(spec, 'float64') : createBackend(kind, spec)
}
