/** A source of uniform numbers in [0, 1). */
export type Random = () => number

/** mulberry32: tiny, fast and bit-identical across JS engines, which is what reproducibility needs. */
export function mulberry32(seed: number): Random {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Standard normal samples by Box-Muller; the second value of each pair is kept for the next call. */
export function normalSampler(random: Random): () => number {
  let spare: number | null = null
  return () => {
    if (spare !== null) {
      const value = spare
      spare = null
      return value
    }
    // 1 - u keeps the logarithm away from 0, since random() may return exactly 0.
    const radius = Math.sqrt(-2 * Math.log(1 - random()))
    const angle = 2 * Math.PI * random()
    spare = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }
}

/** Fisher-Yates shuffle driven by `random`. */
export function shuffleInPlace(values: { length: number; [index: number]: number }, random: Random): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = values[i]
    values[i] = values[j]
    values[j] = swap
  }
}

/** Derives an unsigned 32-bit seed from a stream, e.g. one dropout seed per mini-batch. */
export function nextSeed(random: Random): number {
  return Math.floor(random() * 4294967296) >>> 0
}
