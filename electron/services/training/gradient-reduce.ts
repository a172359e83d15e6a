import type { Shard } from './shard-plan'

/**
 * Batch gradient = Σ weight·(shard gradient), summed in shard order into float64. The order is
 * fixed by the plan, never by which worker finished first, so results do not depend on timing.
 */
export function reduceShardGradients(
  slots: Float32Array,
  shards: readonly Shard[],
  paramCount: number,
  target: Float64Array,
): void {
  if (target.length !== paramCount)
    throw new Error(`target has ${target.length} values, expected ${paramCount}`)
  target.fill(0)
  shards.forEach((shard, slot) => {
    const gradient = slots.subarray(slot * paramCount, (slot + 1) * paramCount)
    for (let i = 0; i < paramCount; i++) target[i] += shard.weight * gradient[i]
  })
}

/** Batch mean loss from shard mean losses, in the same fixed order. */
export function reduceShardLosses(losses: readonly number[], shards: readonly Shard[]): number {
  let sum = 0
  shards.forEach((shard, i) => {
    sum += shard.weight * losses[i]
  })
  return sum
}
