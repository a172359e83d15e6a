/**
 * The mean and standard deviation that put a numeric input on a common scale, (v − mean) / sd,
 * fitted on the training panel (a static attribute over its series, a covariate over their
 * history). Non-finite values are skipped. Welford's running form, so a long covariate is read
 * once without being copied.
 */
export interface Standardisation {
  mean: number
  sd: number
}

export function fitStandardisation(values: Iterable<number>): Standardisation {
  let count = 0
  let mean = 0
  let squares = 0
  for (const v of values) {
    if (!Number.isFinite(v)) continue
    count++
    const delta = v - mean
    mean += delta / count
    squares += delta * (v - mean)
  }
  const sd = count > 1 ? Math.sqrt(squares / (count - 1)) : 0
  // A constant input carries nothing; dividing by 1 keeps it at 0 instead of dividing by zero.
  return { mean, sd: sd > 0 ? sd : 1 }
}
