// The node tsconfig has no DOM lib and @types/node 20 does not declare the WebAssembly JS API,
// so this file types the small part the kernels use. At run time it is the global object.

export interface WasmMemory {
  readonly buffer: ArrayBuffer
  grow(pages: number): number
}

/** Opaque compiled module. */
export interface WasmModule {
  readonly __wasmModule?: never
}

interface WasmInstance {
  readonly exports: Record<string, unknown>
}

interface WebAssemblyApi {
  validate(bytes: Uint8Array<ArrayBuffer>): boolean
  compile(bytes: Uint8Array<ArrayBuffer>): Promise<WasmModule>
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance
}

/** The runtime's WebAssembly API, or null where there is none. */
export function webAssemblyApi(): WebAssemblyApi | null {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly
  return typeof api === 'object' && api !== null ? api : null
}
