/**
 * Chronological splits. The test part is always the most recent data and is never touched by
 * fitting or early stopping; validation sits right before it.
 */

export type SplitSize = { count: number } | { percent: number }

export interface Range {
  /** Inclusive start index. */
  start: number
  /** Exclusive end index. */
  end: number
}

export interface ChronologicalSplit {
  train: Range
  validation: Range
  test: Range
}

function resolveSize(size: SplitSize | undefined, n: number, what: string): number {
  if (size === undefined) return 0
  const count = 'count' in size ? size.count : Math.round((size.percent / 100) * n)
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`${what} size must be a whole count ≥ 0, got ${count}`)
  return count
}

/** Splits n observations into train | validation | test, in that order, sizes in counts or % of n. */
export function chronologicalSplit(
  n: number,
  sizes: { validation?: SplitSize; test?: SplitSize },
): ChronologicalSplit {
  const testCount = resolveSize(sizes.test, n, 'test')
  const validationCount = resolveSize(sizes.validation, n, 'validation')
  const trainCount = n - testCount - validationCount
  if (trainCount < 1) {
    throw new RangeError(
      `split leaves no training data (n = ${n}, validation ${validationCount}, test ${testCount})`,
    )
  }
  return {
    train: { start: 0, end: trainCount },
    validation: { start: trainCount, end: trainCount + validationCount },
    test: { start: trainCount + validationCount, end: n },
  }
}

/** The protocol horizon of resources/samples/README.md: 10 for m = 1, 2m for 1 < m ≤ 24, m above. */
export function protocolHorizon(m: number): number {
  if (m <= 1) return 10
  return m <= 24 ? 2 * m : m
}

/** The protocol split: the last protocolHorizon(m) points are the test set, everything before trains. */
export function protocolSplit(n: number, m: number): ChronologicalSplit {
  return chronologicalSplit(n, { test: { count: protocolHorizon(m) } })
}
