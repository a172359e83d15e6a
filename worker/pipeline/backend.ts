import { createReferenceBackend, type Backend, type ModelSpec, type Precision } from '../engine/index'
import { createWasmBackend } from '../engine/wasm/fast-backend'

export type BackendChoice = 'auto' | 'wasm' | 'reference'

export interface ChosenBackend {
  backend: Backend
  precision: Precision
}

/** The WebAssembly float32 backend when the runtime has SIMD, else the float64 reference. */
export async function chooseBackend(spec: ModelSpec, choice: BackendChoice = 'auto'): Promise<ChosenBackend> {
  if (choice === 'reference')
    return { backend: createReferenceBackend(spec, 'float64'), precision: 'float64' }
  try {
    return { backend: await createWasmBackend(spec), precision: 'float32' }
  } catch (error) {
    if (choice === 'wasm') throw error
    return { backend: createReferenceBackend(spec, 'float64'), precision: 'float64' }
  }
}

/** A backend matching already trained weights (float32 weights need the float32 path). */
export async function backendForParams(
  spec: ModelSpec,
  params: Float32Array | Float64Array,
  choice: BackendChoice = 'auto',
): Promise<Backend> {
  if (params instanceof Float64Array) return createReferenceBackend(spec, 'float64')
  if (choice === 'reference') return createReferenceBackend(spec, 'float32')
  return (
    (await chooseBackend(spec, 'wasm').catch(() => null))?.backend ?? createReferenceBackend(spec, 'float32')
  )
}
