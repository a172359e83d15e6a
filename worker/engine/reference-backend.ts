import { assertPrecision } from './buffers'
import { assertLossKind, meanLossWithGradient } from './losses'
import { paramCount } from './layout'
import { backwardStack } from './stack-backward'
import { forwardStack } from './stack-forward'
import { createWorkspace, type Workspace } from './workspace'
import type { Backend, Batch, FloatArray, GradientOptions, ModelSpec, Precision } from './types'

/** What one layer recorded during the latest forward pass, as views into the workspace. */
export interface LayerRecord {
  /** [batch, steps, units] */
  h: FloatArray
  /** [batch, steps, gates·units] gate activations (RNN: pre-activation) */
  gates: FloatArray
  /** [batch, steps, auxPerUnit·units]; LSTM: [c, tanh c] per step */
  aux: FloatArray
  /** [batch, steps, units] total ∂loss/∂h_t after the latest lossAndGradients */
  dh: FloatArray
  /** [batch, units] / [batch, auxPerUnit·units] initial state used by the next pass (zeros by default) */
  h0: FloatArray
  aux0: FloatArray
}

export interface ReferenceBackend extends Backend {
  readonly precision: Precision
  /**
   * Buffers of the workspace for (batch, steps), created on demand. Reads after a pass
   * see that pass's values; writes into h0/aux0 set initial states for the next passes.
   */
  layerRecord(layer: number, batch: number, steps: number): LayerRecord
}

/** Workspaces kept per (batch, steps); a small cap because a fit alternates full and last partial batches. */
const MAX_CACHED_WORKSPACES = 4

/** Readable float32/float64 backend: the numerical ground truth the fast paths are tested against. */
export function createReferenceBackend(spec: ModelSpec, precision: Precision): ReferenceBackend {
  assertPrecision(precision)
  const expectedParams = paramCount(spec)
  const cache = new Map<string, Workspace>()

  const workspaceFor = (batch: number, steps: number): Workspace => {
    assertPositiveInteger(batch, 'batch')
    assertPositiveInteger(steps, 'steps')
    const key = `${batch}x${steps}`
    let workspace = cache.get(key)
    if (!workspace) {
      if (cache.size >= MAX_CACHED_WORKSPACES) cache.delete(cache.keys().next().value as string)
      workspace = createWorkspace(spec, precision, batch, steps)
      cache.set(key, workspace)
    }
    return workspace
  }

  const checkParams = (params: FloatArray, what: string): void => {
    if (params.length !== expectedParams) {
      throw new Error(`${what} has ${params.length} values, expected ${expectedParams} for this model`)
    }
  }

  const checkInputs = (x: FloatArray, batch: number, steps: number): Workspace => {
    const workspace = workspaceFor(batch, steps)
    const expected = batch * steps * spec.inputSize
    if (x.length !== expected) {
      throw new Error(
        `x has ${x.length} values, expected batch·steps·inputSize = ${batch}·${steps}·${spec.inputSize}`,
      )
    }
    return workspace
  }

  return {
    name: `reference-${precision}`,
    precision,

    forward(params, x, batch, steps, out) {
      checkParams(params, 'params')
      const workspace = checkInputs(x, batch, steps)
      if (out.length !== batch * spec.outputSize) {
        throw new Error(
          `out has ${out.length} values, expected batch·outputSize = ${batch * spec.outputSize}`,
        )
      }
      forwardStack(workspace, params, x, spec.outputSize, null)
      out.set(workspace.output)
    },

    lossAndGradients(params, grads, data: Batch, options: GradientOptions) {
      checkParams(params, 'params')
      checkParams(grads, 'grads')
      assertLossKind(options.loss)
      const workspace = checkInputs(data.x, data.batch, data.steps)
      const count = data.batch * spec.outputSize
      if (data.y.length !== count) {
        throw new Error(`y has ${data.y.length} values, expected batch·outputSize = ${count}`)
      }
      const truncateSteps = options.truncateSteps ?? 0
      if (!Number.isInteger(truncateSteps) || truncateSteps < 0) {
        throw new Error(`truncateSteps must be a non-negative integer, got ${truncateSteps}`)
      }
      const dropoutSeed = options.training ? (options.dropoutSeed ?? 0) : null
      forwardStack(workspace, params, data.x, spec.outputSize, dropoutSeed)
      const loss = meanLossWithGradient(options.loss, workspace.output, data.y, count, workspace.dOutput)
      backwardStack(workspace, params, grads, data.x, spec.outputSize, truncateSteps)
      return loss
    },

    layerRecord(layer, batch, steps) {
      const workspace = workspaceFor(batch, steps)
      const record = workspace.layers[layer]
      if (!record) throw new Error(`Layer ${layer} does not exist (model has ${workspace.layers.length})`)
      const { h, gates, aux, dh, h0, aux0 } = record
      return { h, gates, aux, dh, h0, aux0 }
    },
  }
}

function assertPositiveInteger(value: number, what: string): void {
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${what} must be a positive integer, got ${value}`)
}
