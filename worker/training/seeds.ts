/**
 * Derives independent 32-bit seeds from (job seed, epoch, batch, shard). Seeds are a pure
 * function of their coordinates, so a run resumed from a checkpoint, or split over another
 * number of workers, draws exactly the same shuffles and dropout masks.
 */
export function mixSeed(...parts: number[]): number {
  let hash = 0x811c9dc5
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x01000193)
    hash ^= hash >>> 15
    hash = Math.imul(hash, 0x2c1b3c6d)
    hash ^= hash >>> 12
  }
  return hash >>> 0
}

export const SHUFFLE_STREAM = 1
export const DROPOUT_STREAM = 2
