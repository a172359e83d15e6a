/** One shard of a mini-batch: positions [from, from + count) of the epoch order, weighted by its share. */
export interface Shard {
  from: number
  count: number
  /** count / batch: the shard's weight in the batch's mean loss and gradient. */
  weight: number
}

/** Splits positions [from, from + count) into consecutive shards of at most `shardSize` windows. */
export function planShards(from: number, count: number, shardSize: number): Shard[] {
  if (!Number.isInteger(shardSize) || shardSize <= 0) {
    throw new Error(`shardSize must be a positive integer, got ${shardSize}`)
  }
  const shards: Shard[] = []
  for (let offset = 0; offset < count; offset += shardSize) {
    const size = Math.min(shardSize, count - offset)
    shards.push({ from: from + offset, count: size, weight: size / count })
  }
  return shards
}

/** Number of mini-batches in an epoch of `windows` windows (the last one may be partial). */
export function batchCount(windows: number, batchSize: number): number {
  return Math.ceil(windows / batchSize)
}
