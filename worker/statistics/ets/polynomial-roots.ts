/**
 * Largest root modulus of a monic polynomial, by Durand–Kerner (Weierstrass) iteration. Used by
 * the ETS admissibility test, where the degree is at most m + 1 = 25. The test runs at every
 * step of every seasonal fit's optimiser (over a hundred thousand times for one monthly series),
 * so the starting points are computed once per degree and the loops allocate nothing else.
 */

/** Distinct, non-symmetric starting points on a spiral, as [re..., im...], per degree. */
const startingPoints = new Map<number, Float64Array>()

function spiral(degree: number): Float64Array {
  let points = startingPoints.get(degree)
  if (points === undefined) {
    points = new Float64Array(2 * degree)
    for (let k = 0; k < degree; k++) {
      const angle = (2 * Math.PI * k) / degree + 0.4
      const radius = 0.9 + (0.1 * k) / degree
      points[k] = radius * Math.cos(angle)
      points[degree + k] = radius * Math.sin(angle)
    }
    startingPoints.set(degree, points)
  }
  return points
}

/** coefficients[k] multiplies z^k; the last coefficient must be non-zero. */
export function maxRootModulus(coefficients: readonly number[]): number {
  const degree = coefficients.length - 1
  if (degree < 1) return 0
  const lead = coefficients[degree]
  const c = coefficients.map((v) => v / lead)
  const start = spiral(degree)
  const re = start.slice(0, degree)
  const im = start.slice(degree)
  for (let iteration = 0; iteration < 1000; iteration++) {
    let largestMove = 0
    for (let k = 0; k < degree; k++) {
      const zr = re[k]
      const zi = im[k]
      // p(z) by Horner in complex arithmetic.
      let pr = 1
      let pi = 0
      for (let j = degree - 1; j >= 0; j--) {
        const nr = pr * zr - pi * zi + c[j]
        pi = pr * zi + pi * zr
        pr = nr
      }
      let dr = 1
      let di = 0
      for (let j = 0; j < degree; j++) {
        if (j === k) continue
        const xr = zr - re[j]
        const xi = zi - im[j]
        const nr = dr * xr - di * xi
        di = dr * xi + di * xr
        dr = nr
      }
      const denominator = dr * dr + di * di
      if (denominator === 0) continue
      const stepRe = (pr * dr + pi * di) / denominator
      const stepIm = (pi * dr - pr * di) / denominator
      re[k] = zr - stepRe
      im[k] = zi - stepIm
      largestMove = Math.max(largestMove, stepRe * stepRe + stepIm * stepIm)
    }
    // Squared moves: Math.hypot costs more than the rest of an iteration. (1e-14)² = 1e-28.
    if (largestMove < 1e-28) break
  }
  let largest = 0
  for (let k = 0; k < degree; k++) largest = Math.max(largest, Math.hypot(re[k], im[k]))
  return largest
}
