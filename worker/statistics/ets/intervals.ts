import { zForLevel } from '../stats/normal'
import { seededRandom } from '../stats/random'
import type { PredictionInterval } from '../types'
import { etsPointForecast, etsUpdate } from './filter'
import type { EtsFit } from './fit-model'
import { hasTrend, isSeasonal } from './spec'

/** What intervals need of a fitted model: its parameters, its innovation variance and the state at the origin. */
export type EtsOrigin = Pick<EtsFit, 'spec' | 'm' | 'params' | 'sigma2' | 'finalState'>

/**
 * Prediction intervals of a fitted ETS model, as forecast.ets computes them:
 * - class 1 (additive error, linear): var_h = σ²(1 + Σ_{j<h} c_j²), c_j = w'F^{j−1}g;
 * - class 2 (multiplicative error, additive components): θ_1 = μ_1², θ_h = μ_h² + σ²Σ c_j² θ_{h−j},
 *   var_h = (1 + σ²)θ_h − μ_h² (Hyndman et al. 2008, ch. 6);
 * - class 3 (multiplicative seasonality): simulated sample paths (seeded, so reproducible) and
 *   their empirical quantiles, instead of R's second-order approximation.
 */

/** c_j = w'F^{j−1}g for j = 1..h−1 from the linear innovations state space form. */
function psiWeights(fit: EtsOrigin, h: number): Float64Array {
  const { spec, m, params } = fit
  const trendOn = hasTrend(spec)
  const seasonOffset = trendOn ? 2 : 1
  const p = fit.finalState.length
  // Propagate v = F^{j−1} g instead of forming matrix powers.
  let v = new Float64Array(p)
  v[0] = params.alpha
  if (trendOn) v[1] = params.beta!
  if (isSeasonal(spec)) v[seasonOffset] = params.gamma!
  const c = new Float64Array(Math.max(0, h - 1))
  for (let j = 0; j < h - 1; j++) {
    let wv = v[0] + (trendOn ? params.phi * v[1] : 0)
    if (isSeasonal(spec)) wv += v[seasonOffset + m - 1]
    c[j] = wv
    const next = new Float64Array(p)
    next[0] = v[0] + (trendOn ? params.phi * v[1] : 0)
    if (trendOn) next[1] = params.phi * v[1]
    if (isSeasonal(spec)) {
      next[seasonOffset] = v[seasonOffset + m - 1]
      for (let s = 1; s < m; s++) next[seasonOffset + s] = v[seasonOffset + s - 1]
    }
    v = next
  }
  return c
}

function analyticVariance(fit: EtsOrigin, mean: Float64Array): Float64Array {
  const h = mean.length
  const c = psiWeights(fit, h)
  const variance = new Float64Array(h)
  if (fit.spec.error === 'A') {
    let cumulative = 0
    for (let i = 0; i < h; i++) {
      variance[i] = fit.sigma2 * (1 + cumulative)
      if (i < h - 1) cumulative += c[i] ** 2
    }
    return variance
  }
  const theta = new Float64Array(h)
  for (let i = 0; i < h; i++) {
    let sum = 0
    for (let j = 1; j <= i; j++) sum += c[j - 1] ** 2 * theta[i - j]
    theta[i] = mean[i] ** 2 + fit.sigma2 * sum
    variance[i] = (1 + fit.sigma2) * theta[i] - mean[i] ** 2
  }
  return variance
}

/** Linear-interpolated empirical quantile (R's type 7) of sorted values. */
function sortedQuantile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p
  const lo = Math.floor(position)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo])
}

function simulatedIntervals(
  fit: EtsOrigin,
  h: number,
  levels: readonly number[],
  paths: number,
  seed: number,
): PredictionInterval[] {
  const random = seededRandom(seed)
  const sigma = Math.sqrt(fit.sigma2)
  const draws = Array.from({ length: h }, () => new Float64Array(paths))
  for (let path = 0; path < paths; path++) {
    const state = Float64Array.from(fit.finalState)
    for (let i = 0; i < h; i++) {
      const f = etsPointForecast(state, fit.spec, fit.m, fit.params.phi, 1)[0]
      const e = sigma * random.normal()
      const y = fit.spec.error === 'A' ? f + e : f * (1 + e)
      draws[i][path] = y
      etsUpdate(state, fit.spec, fit.m, fit.params, y)
    }
  }
  draws.forEach((d) => d.sort())
  return levels.map((level) => ({
    level,
    lower: Float64Array.from(draws, (d) => sortedQuantile(d, 0.5 - level / 200)),
    upper: Float64Array.from(draws, (d) => sortedQuantile(d, 0.5 + level / 200)),
  }))
}

export interface EtsIntervalOptions {
  /** Sample paths for class 3 models. */
  paths?: number
  seed?: number
}

export function etsIntervals(
  fit: EtsOrigin,
  mean: Float64Array,
  levels: readonly number[],
  options: EtsIntervalOptions = {},
): PredictionInterval[] {
  if (fit.spec.season === 'M')
    return simulatedIntervals(fit, mean.length, levels, options.paths ?? 5000, options.seed ?? 1)
  const sd = Float64Array.from(analyticVariance(fit, mean), Math.sqrt)
  return levels.map((level) => {
    const z = zForLevel(level)
    return {
      level,
      lower: mean.map((f, i) => f - z * sd[i]),
      upper: mean.map((f, i) => f + z * sd[i]),
    }
  })
}
