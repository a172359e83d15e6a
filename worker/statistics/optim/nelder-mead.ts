/**
 * Nelder–Mead simplex minimiser following the logic of R's nmmin (the optimiser behind R's ets):
 * same initial simplex (step = 10% of the largest |parameter|), reflection 1, contraction 0.5,
 * expansion 2, relative tolerance on the spread of the simplex values and a budget counted in
 * function evaluations. Staying close to R matters: with ~17 parameters the budget is often
 * exhausted, so the optimiser's path shapes the fitted model as much as the objective does.
 */

export interface NelderMeadOptions {
  /** Maximum number of objective evaluations (R ets: 2000). */
  maxEvaluations?: number
  /** Stop when max − min of the simplex values ≤ tolerance · (|f(x0)| + tolerance). */
  relativeTolerance?: number
}

export interface NelderMeadResult {
  x: Float64Array
  value: number
  evaluations: number
  converged: boolean
}

/** Stand-in for non-finite objective values, as in R. */
const BIG = 1e35

export function nelderMead(
  objective: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const maxEvaluations = options.maxEvaluations ?? 2000
  const relTol = options.relativeTolerance ?? Math.sqrt(Number.EPSILON)
  const n = start.length
  let evaluations = 0
  const evaluate = (x: Float64Array): number => {
    evaluations++
    const v = objective(x)
    return Number.isFinite(v) ? v : BIG
  }

  const x0 = Float64Array.from(start)
  const f0 = objective(x0)
  evaluations = 1
  if (!Number.isFinite(f0))
    throw new Error('nelderMead: the objective cannot be evaluated at the start point')
  const convergenceTol = relTol * (Math.abs(f0) + relTol)

  const vertices: Float64Array[] = [x0]
  const values: number[] = [f0]
  let step = 0
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(x0[i]))
  if (step === 0) step = 0.1
  let size = 0
  for (let j = 0; j < n; j++) {
    const v = Float64Array.from(x0)
    let trial = step
    // Grow the step until it actually changes the coordinate (huge parameters, tiny step).
    while (v[j] === x0[j]) {
      v[j] = x0[j] + trial
      trial *= 10
    }
    size += trial
    vertices.push(v)
    values.push(NaN)
  }
  let oldSize = size
  let best = 0
  let needValues = true
  let converged = false

  while (evaluations <= maxEvaluations) {
    if (needValues) {
      for (let j = 0; j <= n; j++) if (j !== best) values[j] = evaluate(vertices[j])
      needValues = false
    }
    let worst = best
    for (let j = 0; j <= n; j++) {
      if (j === best) continue
      if (values[j] < values[best]) best = j
      if (values[j] > values[worst]) worst = j
    }
    // The best index may have moved after the worst was chosen; recompute the worst against it.
    for (let j = 0; j <= n; j++) if (values[j] > values[worst]) worst = j
    if (values[worst] <= values[best] + convergenceTol) {
      converged = true
      break
    }

    const centroid = new Float64Array(n)
    for (let j = 0; j <= n; j++) {
      if (j === worst) continue
      for (let i = 0; i < n; i++) centroid[i] += vertices[j][i] / n
    }
    const reflected = new Float64Array(n)
    for (let i = 0; i < n; i++) reflected[i] = 2 * centroid[i] - vertices[worst][i]
    const reflectedValue = evaluate(reflected)

    if (reflectedValue < values[best]) {
      const expanded = new Float64Array(n)
      for (let i = 0; i < n; i++) expanded[i] = 2 * reflected[i] - centroid[i]
      const expandedValue = evaluate(expanded)
      if (expandedValue < reflectedValue) {
        vertices[worst] = expanded
        values[worst] = expandedValue
      } else {
        vertices[worst] = reflected
        values[worst] = reflectedValue
      }
      continue
    }
    const worstValueBefore = values[worst]
    if (reflectedValue < values[worst]) {
      vertices[worst] = reflected
      values[worst] = reflectedValue
    }
    const contracted = new Float64Array(n)
    for (let i = 0; i < n; i++) contracted[i] = 0.5 * vertices[worst][i] + 0.5 * centroid[i]
    const contractedValue = evaluate(contracted)
    if (contractedValue < values[worst]) {
      vertices[worst] = contracted
      values[worst] = contractedValue
    } else if (reflectedValue >= worstValueBefore) {
      // Shrink every vertex halfway towards the best one.
      size = 0
      for (let j = 0; j <= n; j++) {
        if (j === best) continue
        for (let i = 0; i < n; i++) {
          vertices[j][i] = 0.5 * (vertices[j][i] - vertices[best][i]) + vertices[best][i]
          size += Math.abs(vertices[j][i] - vertices[best][i])
        }
      }
      needValues = true
      if (size >= oldSize) break
      oldSize = size
    }
  }
  return { x: Float64Array.from(vertices[best]), value: values[best], evaluations, converged }
}
