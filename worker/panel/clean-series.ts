/**
 * A series as the global model reads it: leading and trailing missing values dropped, interior
 * gaps filled by linear interpolation (windows need every input). The counts go to the report.
 */
export interface CleanSeries {
  values: Float64Array
  /** Index in the original values of the first kept point. */
  start: number
  filled: number
  dropped: number
}

export function cleanSeries(values: ArrayLike<number>): CleanSeries {
  let first = 0
  while (first < values.length && !Number.isFinite(values[first])) first++
  let last = values.length - 1
  while (last >= first && !Number.isFinite(values[last])) last--
  const out = new Float64Array(Math.max(0, last - first + 1))
  let filled = 0
  let previous = first
  for (let t = first; t <= last; t++) {
    if (Number.isFinite(values[t])) {
      // Fill the gap since the previous observed point on the straight line between them.
      for (let g = previous + 1; g < t; g++) {
        const share = (g - previous) / (t - previous)
        out[g - first] = values[previous] + share * (values[t] - values[previous])
        filled++
      }
      out[t - first] = values[t]
      previous = t
    }
  }
  return { values: out, start: first, filled, dropped: values.length - out.length }
}
