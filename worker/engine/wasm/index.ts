// Public surface of the WebAssembly SIMD backend; everything else in this folder is internal.
export {
  createWasmBackend,
  createWasmBackendWith,
  referenceFallback,
  type WasmBackend,
  type WasmBackendOptions,
} from './fast-backend'
export { detectFlavor, loadKernels, supportsFlavor, type KernelFlavor, type Kernels } from './loader'
