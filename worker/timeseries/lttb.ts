/**
 * Largest-Triangle-Three-Buckets: which `threshold` of the points in [from, to) keep the
 * shape of a line when drawn. Returns row indices (first and last always included), so
 * every column of a table can be thinned by the same rows. NaN values are never chosen as
 * a bucket's representative unless the whole bucket is NaN.
 */
export function lttbIndices(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  from: number,
  to: number,
  threshold: number,
): Int32Array {
  const count = to - from
  if (threshold >= count || threshold < 3)
    return Int32Array.from({ length: Math.max(0, count) }, (_, i) => from + i)
  const chosen = new Int32Array(threshold)
  const bucketSize = (count - 2) / (threshold - 2)
  let previous = from
  chosen[0] = from
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    const start = from + 1 + Math.floor(bucket * bucketSize)
    const end = from + 1 + Math.floor((bucket + 1) * bucketSize)
    const [avgX, avgY] = average(x, y, end, Math.min(to, from + 1 + Math.floor((bucket + 2) * bucketSize)))
    let best = start
    let bestArea = -1
    for (let i = start; i < end; i++) {
      const area = Math.abs(
        (x[previous] - avgX) * (y[i] - y[previous]) - (x[previous] - x[i]) * (avgY - y[previous]),
      )
      if (area > bestArea) {
        bestArea = area
        best = i
      }
    }
    chosen[bucket + 1] = best
    previous = best
  }
  chosen[threshold - 1] = to - 1
  return chosen
}

/** Mean point of the next bucket (the third corner of the triangle), ignoring NaN values. */
function average(x: ArrayLike<number>, y: ArrayLike<number>, start: number, end: number): [number, number] {
  let sumX = 0
  let sumY = 0
  let n = 0
  for (let i = start; i < end; i++) {
    if (Number.isNaN(y[i])) continue
    sumX += x[i]
    sumY += y[i]
    n++
  }
  return n === 0 ? [x[Math.max(start, end - 1)] ?? 0, 0] : [sumX / n, sumY / n]
}
