import type { Random } from './prng'
import type { FloatArray } from './types'

/**
 * Inverted dropout: kept units are scaled by 1/(1−rate) during training so inference needs
 * no rescaling. The mask stores 0 or that scale, which is also the backward multiplier.
 */
export function fillDropoutMask(mask: FloatArray, rate: number, random: Random): void {
  const scale = 1 / (1 - rate)
  for (let i = 0; i < mask.length; i++) mask[i] = random() < rate ? 0 : scale
}

/** target[i] = source[i] · mask[i] */
export function applyMask(source: FloatArray, mask: FloatArray, target: FloatArray): void {
  for (let i = 0; i < mask.length; i++) target[i] = source[i] * mask[i]
}
