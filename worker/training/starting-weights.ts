import { initializeParams, paramCount, type ModelSpec } from '../engine/index'
import type { TrainOutcome } from './trainer'

/**
 * The weights a network has before its first epoch: the warm start it was given, or the seeded
 * initialisation every trainer starts from. A network that trains for no epoch (a stopped run,
 * a residual member whose start validation preferred) is exactly this.
 */
export function startingWeights(
  spec: ModelSpec,
  seed: number,
  initialParams?: ArrayLike<number>,
): Float32Array {
  if (initialParams) return Float32Array.from(initialParams)
  const params = new Float32Array(paramCount(spec))
  initializeParams(spec, params, seed)
  return params
}

/** The outcome of a network that never trained; `skipped` when a stop, not the plan, kept it from training. */
export function untrainedOutcome(params: Float32Array, skipped: boolean): TrainOutcome {
  return { params, bestEpoch: -1, epochsRun: 0, trainLoss: [], valLoss: [], ...(skipped ? { skipped } : {}) }
}
