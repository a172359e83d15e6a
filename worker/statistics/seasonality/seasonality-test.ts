import { autocorrelation } from './autocorrelation'

/**
 * The M4 competition's seasonality test (its benchmark code, SeasonalityTest): a series is seasonal
 * when its autocorrelation at the seasonal lag m lies outside the 90 % limit
 *   |r_m| > 1.645 · sqrt((1 + 2 · Σ_{k<m} r_k²) / n),
 * Bartlett's standard error under the hypothesis that the autocorrelations beyond lag m − 1 are 0.
 * Series shorter than three seasons, and periods ≤ 1, are never called seasonal (as in M4).
 */

/** One-sided 95 % normal quantile, i.e. the two-sided 90 % limit M4 uses. */
const CRITICAL = 1.645

export function seasonalityLimit(values: ArrayLike<number>, period: number): number {
  let sumSquares = 0
  for (let k = 1; k < period; k++) sumSquares += autocorrelation(values, k) ** 2
  return CRITICAL * Math.sqrt((1 + 2 * sumSquares) / values.length)
}

export function isSeasonal(values: ArrayLike<number>, period: number): boolean {
  checkPeriod(period, 'isSeasonal')
  if (period <= 1 || values.length < 3 * period) return false
  return Math.abs(autocorrelation(values, period)) > seasonalityLimit(values, period)
}

export function checkPeriod(period: number, name: string): void {
  if (!Number.isInteger(period) || period < 1)
    throw new RangeError(`${name}: the seasonal period must be a whole number ≥ 1, got ${period}`)
}
