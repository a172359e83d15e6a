import type { FloatArray } from './types'

export function globalNorm(values: FloatArray): number {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i]
  return Math.sqrt(sum)
}

/**
 * torch.nn.utils.clip_grad_norm_ over all parameters at once: scales grads by
 * maxNorm/(norm + 1e-6) when that is below 1. Returns the norm BEFORE clipping.
 */
export function clipGlobalNorm(grads: FloatArray, maxNorm: number): number {
  if (!(maxNorm > 0)) throw new Error(`maxNorm must be a positive number, got ${String(maxNorm)}`)
  const norm = globalNorm(grads)
  scaleToNorm(grads, norm, maxNorm)
  return norm
}

/** The clipping step itself, for callers that already know the norm (the training loop computes it while reducing). */
export function scaleToNorm(grads: FloatArray, norm: number, maxNorm: number): void {
  const scale = maxNorm / (norm + 1e-6)
  if (scale >= 1) return
  for (let i = 0; i < grads.length; i++) grads[i] *= scale
}
