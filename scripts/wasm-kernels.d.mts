export interface WasmKernelFiles {
  generated: string
  sources: string[]
}
export declare function wasmKernelFiles(root: string): WasmKernelFiles
export declare function wasmKernelsNeedBuild(files: WasmKernelFiles): boolean
