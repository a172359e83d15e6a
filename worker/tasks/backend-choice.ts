import { createReferenceBackend, type Backend, type ModelSpec } from '../engine/index'
import { createWasmBackend } from '../engine/wasm/fast-backend'
import type { BackendKind } from './task-types'

/**
 * Builds the backend a job asked for. 'auto' prefers the WebAssembly SIMD kernels and falls
 * back to the float32 reference where the runtime lacks SIMD, so a job never fails for that.
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
