import { paramCount } from '../layout'
import { assertLossKind, meanLossWithGradient } from '../losses'
import { createReferenceBackend } from '../reference-backend'
import { validateSpec } from '../spec'
import type { Backend, Batch, FloatArray, GradientOptions, ModelSpec } from '../types'
import { LinearArena } from './arena'
import { allocateBatchBuffers, type BatchBuffers } from './batch-buffers'
import { detectFlavor, instantiateKernels, loadKernels, type KernelFlavor, type Kernels } from './loader'
import { allocateParamBuffers, downloadGradients, uploadParams } from './param-buffers'
import { backwardPass } from './wasm-backward'
import { forwardPass, type ForwardContext } from './wasm-forward'

export interface WasmBackend extends Backend {
  /** Kernel build in use; null when this backend delegates to the reference. */
  readonly flavor: KernelFlavor | null
  /** Why the reference runs instead of the kernels (e.g. a runtime without SIMD), else null. */
  readonly fallbackReason: string | null
}

export interface WasmBackendOptions {
  /** Force a kernel build (tests run both); default: the best the runtime supports. */
  flavor?: KernelFlavor
}

/** Batch shapes kept; a fit alternates full and last partial batches, inference adds one more. */
const MAX_CACHED_SHAPES = 4

/** Float32 backend on WebAssembly SIMD kernels, with the reference's numerics and layout. */
export async function createWasmBackend(
  spec: ModelSpec,
  options: WasmBackendOptions = {},
): Promise<WasmBackend> {
  validateSpec(spec)
  const flavor = options.flavor ?? detectFlavor()
  if (flavor === null) return referenceFallback(spec, 'this runtime has no WebAssembly SIMD')
  return createWasmBackendWith(spec, await loadKernels(flavor))
}

/** The float32 reference behind the same interface, for runtimes without WebAssembly SIMD. */
export function referenceFallback(spec: ModelSpec, reason: string): WasmBackend {
  const reference = createReferenceBackend(spec, 'float32')
  return {
    name: `${reference.name} (wasm fallback: ${reason})`,
    flavor: null,
    fallbackReason: reason,
    forward: (params, x, batch, steps, out) => reference.forward(params, x, batch, steps, out),
    lossAndGradients: (params, grads, data, options) =>
      reference.lossAndGradients(params, grads, data, options),
  }
}

/** Synchronous construction once `loadKernels()` has resolved (e.g. inside a pool worker). */
export function createWasmBackendWith(spec: ModelSpec, kernels: Kernels): WasmBackend {
  validateSpec(spec)
  const exports = instantiateKernels(kernels)
  const arena = new LinearArena(exports)
  const params = allocateParamBuffers(spec, arena)
  const expectedParams = paramCount(spec)
  const shapesStart = arena.mark()
  const shapes = new Map<string, BatchBuffers>()

  const contextFor = (batch: number, steps: number): ForwardContext => {
    assertPositiveInteger(batch, 'batch')
    assertPositiveInteger(steps, 'steps')
    const key = `${batch}x${steps}`
    let buffers = shapes.get(key)
    if (!buffers) {
      if (shapes.size >= MAX_CACHED_SHAPES) {
        shapes.clear()
        arena.releaseTo(shapesStart)
      }
      buffers = allocateBatchBuffers(spec, params, arena, batch, steps)
      shapes.set(key, buffers)
    }
    return { kernels: exports, arena, params, buffers }
  }

  const prepare = (values: FloatArray, x: FloatArray, batch: number, steps: number): ForwardContext => {
    if (values.length !== expectedParams) {
      throw new Error(`params has ${values.length} values, expected ${expectedParams} for this model`)
    }
    if (x.length !== batch * steps * spec.inputSize) {
      throw new Error(
        `x has ${x.length} values, expected batch·steps·inputSize = ${batch}·${steps}·${spec.inputSize}`,
      )
    }
    const ctx = contextFor(batch, steps)
    uploadParams(params, values, exports, arena)
    return ctx
  }

  return {
    name: `wasm-${kernels.flavor}`,
    flavor: kernels.flavor,
    fallbackReason: null,

    forward(values, x, batch, steps, out) {
      if (out.length !== batch * spec.outputSize) {
        throw new Error(
          `out has ${out.length} values, expected batch·outputSize = ${batch * spec.outputSize}`,
        )
      }
      const ctx = prepare(values, x, batch, steps)
      forwardPass(ctx, x, null)
      out.set(arena.floats(ctx.buffers.out, batch * spec.outputSize))
    },

    lossAndGradients(values, grads, data: Batch, options: GradientOptions) {
      assertLossKind(options.loss)
      if (grads.length !== expectedParams) {
        throw new Error(`grads has ${grads.length} values, expected ${expectedParams} for this model`)
      }
      const count = data.batch * spec.outputSize
      if (data.y.length !== count)
        throw new Error(`y has ${data.y.length} values, expected batch·outputSize = ${count}`)
      const ctx = prepare(values, data.x, data.batch, data.steps)
      const dropoutSeed = options.training ? (options.dropoutSeed ?? 0) : null
      forwardPass(ctx, data.x, dropoutSeed)
      const output = arena.floats(ctx.buffers.out, count)
      const dOutput = arena.floats(ctx.buffers.dOut, count)
      const loss = meanLossWithGradient(options.loss, output, data.y, count, dOutput)
      backwardPass(ctx, options.truncateSteps ?? 0, dropoutSeed !== null)
      downloadGradients(params, grads, exports, arena)
      return loss
    },
  }
}

function assertPositiveInteger(value: number, what: string): void {
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${what} must be a positive integer, got ${value}`)
}
