/**
 * Largest root modulus of a monic polynomial, by Durand–Kerner (Weierstrass) iteration. Used by
 * the ETS admissibility test, where the degree is at most m + 1 = 25.
 */

/** coefficients[k] multiplies z^k; the last coefficient must be non-zero. */
export function maxRootModulus(coefficients: readonly number[]): number {
  const degree = coefficients.length - 1
  if (degree < 1) return 0
  const lead = coefficients[degree]
  const c = coefficients.map((v) => v / lead)
  const re = new Float64Array(degree)
  const im = new Float64Array(degree)
  // Distinct, non-symmetric starting points on a spiral.
  for (let k = 0; k < degree; k++) {
    const angle = (2 * Math.PI * k) / degree + 0.4
    const radius = 0.9 + (0.1 * k) / degree
    re[k] = radius * Math.cos(angle)
    im[k] = radius * Math.sin(angle)
  }
  for (let iteration = 0; iteration < 1000; iteration++) {
    let largestMove = 0
    for (let k = 0; k < degree; k++) {
      // p(z) by Horner in complex arithmetic.
      let pr = 1
      let pi = 0
      for (let j = degree - 1; j >= 0; j--) {
        const nr = pr * re[k] - pi * im[k] + c[j]
        pi = pr * im[k] + pi * re[k]
        pr = nr
      }
      let dr = 1
      let di = 0
      for (let j = 0; j < degree; j++) {
        if (j === k) continue
        const xr = re[k] - re[j]
        const xi = im[k] - im[j]
        const nr = dr * xr - di * xi
        di = dr * xi + di * xr
        dr = nr
      }
      const denominator = dr * dr + di * di
      if (denominator === 0) continue
      const stepRe = (pr * dr + pi * di) / denominator
      const stepIm = (pi * dr - pr * di) / denominator
      re[k] -= stepRe
      im[k] -= stepIm
      largestMove = Math.max(largestMove, Math.hypot(stepRe, stepIm))
    }
    if (largestMove < 1e-14) break
  }
  let largest = 0
  for (let k = 0; k < degree; k++) largest = Math.max(largest, Math.hypot(re[k], im[k]))
  return largest
}
