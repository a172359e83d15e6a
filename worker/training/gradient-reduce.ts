import type { Shard } from './shard-plan'

/**
 * Batch gradient = Σ weight·(shard gradient), summed per value in shard order into float64.
 * The order is fixed by the plan, never by which worker finished first, so results do not
 * depend on timing. One pass also returns the sum of squares (NaN/∞ when any value is not
 * finite), because this loop runs on the main thread between every two steps.
 */
export function reduceShardGradients(
  slots: Float32Array,
  shards: readonly Shard[],
  paramCount: number,
  target: Float64Array,
): number {
  if (target.length !== paramCount)
    throw new Error(`target has ${target.length} values, expected ${paramCount}`)
  if (slots.length < shards.length * paramCount) throw new Error('Fewer gradient slots than shards')
  const weights = Float64Array.from(shards, (shard) => shard.weight)
  const count = weights.length
  let sumSquares = 0
  for (let i = 0; i < paramCount; i++) {
    let value = 0
    for (let s = 0, at = i; s < count; s++, at += paramCount) value += weights[s] * slots[at]
    target[i] = value
    sumSquares += value * value
  }
  return sumSquares
}

/** Batch mean loss from shard mean losses, in the same fixed order. */
export function reduceShardLosses(losses: readonly number[], shards: readonly Shard[]): number {
  let sum = 0
  shards.forEach((shard, i) => {
    sum += shard.weight * losses[i]
  })
  return sum
}

/** True when every value is finite; branch-free (x·0 is NaN exactly for NaN and ±∞). */
export function allFinite(values: Float32Array | Float64Array): boolean {
  let probe = 0
  for (let i = 0; i < values.length; i++) probe += values[i] * 0
  return probe === 0
}
