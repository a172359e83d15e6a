import { normalQuantile } from './normal'

/**
 * Student t quantile, needed for the mean method's interval (R's meanf uses qt(., n − 1)).
 * The CDF goes through the regularized incomplete beta function; the quantile inverts it by
 * bisection, which is slow-ish but robust and only called a handful of times per forecast.
 */

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9): ~15 significant digits for x > 0.
  const g = 7
  const coef = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x)
  const z = x - 1
  let a = coef[0]
  const t = z + g + 0.5
  for (let i = 1; i < g + 2; i++) a += coef[i] / (z + i)
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

/** Continued fraction of the incomplete beta function (Numerical Recipes' betacf, Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  d = Math.abs(d) < tiny ? tiny : d
  d = 1 / d
  let h = d
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + aa * d
    d = Math.abs(d) < tiny ? tiny : d
    c = 1 + aa / c
    c = Math.abs(c) < tiny ? tiny : c
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + aa * d
    d = Math.abs(d) < tiny ? tiny : d
    c = 1 + aa / c
    c = Math.abs(c) < tiny ? tiny : c
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return h
}

export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(a, b, x)) / a
  return 1 - (Math.exp(logFront) * betaContinuedFraction(b, a, 1 - x)) / b
}

export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}

/** Quantile of Student's t with df degrees of freedom (R's qt(p, df)). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must lie in (0, 1), got ${p}`)
  if (!(df > 0)) throw new RangeError(`studentTQuantile: df must be positive, got ${df}`)
  if (p === 0.5) return 0
  // The t quantile is farther from 0 than the normal one; widen until bracketed.
  const z = normalQuantile(p)
  let lo = Math.min(z, 0)
  let hi = Math.max(z, 0)
  while (studentTCdf(hi, df) < p) hi = hi * 2 + 1
  while (studentTCdf(lo, df) > p) lo = lo * 2 - 1
  for (let i = 0; i < 200 && hi - lo > 1e-14 * Math.max(1, Math.abs(hi)); i++) {
    const mid = 0.5 * (lo + hi)
    if (studentTCdf(mid, df) < p) lo = mid
    else hi = mid
  }
  return 0.5 * (lo + hi)
}
