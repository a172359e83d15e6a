import { relaxedSimdBase64, simdBase64 } from './build/kernels-wasm'
import type * as NodeV8 from 'node:v8'
import type { KernelExports } from './kernel-exports'
import { webAssemblyApi, type WasmModule } from './webassembly-api'

/** Which build of the kernels runs: relaxed SIMD (fused multiply-add) or plain SIMD. */
export type KernelFlavor = 'relaxed-simd' | 'simd'

export interface Kernels {
  readonly flavor: KernelFlavor
  /** Compiled once, instantiated per backend so that each owns its linear memory. */
  readonly module: WasmModule
}

const BASE64 = { 'relaxed-simd': relaxedSimdBase64, simd: simdBase64 } as const
const compiled = new Map<KernelFlavor, Promise<Kernels>>()

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

const bytesOf = (flavor: KernelFlavor): Uint8Array<ArrayBuffer> => decodeBase64(BASE64[flavor])

/**
 * Node 20's V8 ships relaxed SIMD behind a flag; flipping it at run time works as long as it
 * happens before the module is compiled (worker threads inherit it). Newer V8 has it on.
 */
function enableRelaxedSimdFlag(): void {
  const getBuiltin = typeof process === 'object' ? process.getBuiltinModule : undefined
  if (typeof getBuiltin !== 'function') return
  const v8 = getBuiltin('node:v8') as typeof NodeV8 | undefined
  v8?.setFlagsFromString('--experimental-wasm-relaxed-simd')
}

/** Best flavor this runtime can execute: relaxed SIMD, else plain SIMD, else null (no SIMD). */
export function detectFlavor(): KernelFlavor | null {
  if (supportsFlavor('relaxed-simd')) return 'relaxed-simd'
  return supportsFlavor('simd') ? 'simd' : null
}

/** Whether a given flavor can run here (tests run both where possible). */
export function supportsFlavor(flavor: KernelFlavor): boolean {
  const api = webAssemblyApi()
  if (!api) return false
  const bytes = bytesOf(flavor)
  if (api.validate(bytes)) return true
  if (flavor !== 'relaxed-simd') return false
  enableRelaxedSimdFlag()
  return api.validate(bytes)
}

/** Compiles (once per flavor) the best or the requested kernel build. Rejects without SIMD. */
export function loadKernels(flavor?: KernelFlavor): Promise<Kernels> {
  const chosen = flavor ?? detectFlavor()
  if (chosen === null) return Promise.reject(new Error('This runtime has no WebAssembly SIMD support'))
  if (flavor && !supportsFlavor(flavor)) {
    return Promise.reject(new Error(`This runtime cannot run the ${flavor} kernels`))
  }
  let pending = compiled.get(chosen)
  if (!pending) {
    const api = webAssemblyApi() as NonNullable<ReturnType<typeof webAssemblyApi>>
    pending = api.compile(bytesOf(chosen)).then((module): Kernels => ({ flavor: chosen, module }))
    compiled.set(chosen, pending)
  }
  return pending
}

/** A fresh instance with its own memory: one per backend, so backends never share buffers. */
export function instantiateKernels(kernels: Kernels): KernelExports {
  const api = webAssemblyApi()
  if (!api) throw new Error('This runtime has no WebAssembly')
  const instance = new api.Instance(kernels.module, {
    env: {
      abort(): never {
        throw new Error('WebAssembly kernel aborted')
      },
    },
  })
  return instance.exports as unknown as KernelExports
}
