import type { EtsSpec, SmoothingParams } from './spec'
import { hasTrend, isSeasonal } from './spec'

/**
 * The ETS recursions (R forecast's etscalc): one-step forecasts, innovations and state updates.
 * The update equations do not depend on the error type; only the innovation (y − f or (y − f)/f)
 * and the likelihood do.
 */

export interface FilterResult {
  /** −2·log-likelihood up to a constant: n·log(Σe²) (+ 2·Σlog|f| for multiplicative errors). */
  lik: number
  /** Innovations: y − f (additive error) or (y − f)/f (multiplicative error). */
  innovations: Float64Array
  fitted: Float64Array
  /** State after the last observation, same layout as the initial state. */
  finalState: Float64Array
}

/** Guard used by R against division by (near) zero. */
const TOLERANCE = 1e-10
const HUGE = 1e10

/** The forecast of the next observation: (l + φb) combined with the seasonal term due now. */
function oneStepForecast(state: Float64Array, spec: EtsSpec, m: number, phi: number): number {
  const trendOn = hasTrend(spec)
  const f = trendOn ? state[0] + phi * state[1] : state[0]
  if (!isSeasonal(spec)) return f
  const s = state[(trendOn ? 2 : 1) + m - 1]
  return spec.season === 'A' ? f + s : f * s
}

/** Point forecasts for steps 1..h from a state (no noise). */
export function etsPointForecast(
  state: ArrayLike<number>,
  spec: EtsSpec,
  m: number,
  phi: number,
  h: number,
): Float64Array {
  const level = state[0]
  const trend = hasTrend(spec) ? state[1] : 0
  const seasonOffset = hasTrend(spec) ? 2 : 1
  const out = new Float64Array(h)
  let phiSum = phi
  for (let i = 0; i < h; i++) {
    let f = hasTrend(spec) ? level + phiSum * trend : level
    if (isSeasonal(spec)) {
      const s = state[seasonOffset + ((((m - 1 - i) % m) + m) % m)]
      f = spec.season === 'A' ? f + s : f * s
    }
    out[i] = f
    phiSum += phi === 1 ? 1 : phi ** (i + 2)
  }
  return out
}

/** One state update after observing y (in place on `state`). */
export function etsUpdate(
  state: Float64Array,
  spec: EtsSpec,
  m: number,
  params: SmoothingParams,
  y: number,
): void {
  const trendOn = hasTrend(spec)
  const seasonOffset = trendOn ? 2 : 1
  const oldLevel = state[0]
  const dampedTrend = trendOn ? params.phi * state[1] : 0
  const q = oldLevel + dampedTrend
  const oldSeason = isSeasonal(spec) ? state[seasonOffset + m - 1] : 0
  let p = y
  if (spec.season === 'A') p = y - oldSeason
  else if (spec.season === 'M') p = Math.abs(oldSeason) < TOLERANCE ? HUGE : y / oldSeason
  const level = q + params.alpha * (p - q)
  state[0] = level
  if (trendOn) state[1] = dampedTrend + (params.beta! / params.alpha) * (level - oldLevel - dampedTrend)
  if (isSeasonal(spec)) {
    let t = y - q
    if (spec.season === 'M') t = Math.abs(q) < TOLERANCE ? HUGE : y / q
    for (let j = m - 1; j > 0; j--) state[seasonOffset + j] = state[seasonOffset + j - 1]
    state[seasonOffset] = oldSeason + params.gamma! * (t - oldSeason)
  }
}

export function etsFilter(
  y: ArrayLike<number>,
  spec: EtsSpec,
  m: number,
  params: SmoothingParams,
  initialState: ArrayLike<number>,
): FilterResult {
  const n = y.length
  const state = Float64Array.from(initialState)
  const innovations = new Float64Array(n)
  const fitted = new Float64Array(n)
  let sumSquares = 0
  let sumLogForecast = 0
  for (let t = 0; t < n; t++) {
    const f = oneStepForecast(state, spec, m, params.phi)
    fitted[t] = f
    const e = spec.error === 'A' ? y[t] - f : (y[t] - f) / f
    innovations[t] = e
    sumSquares += e * e
    sumLogForecast += Math.log(Math.abs(f))
    etsUpdate(state, spec, m, params, y[t])
  }
  let lik = n * Math.log(sumSquares)
  if (spec.error === 'M') lik += 2 * sumLogForecast
  return { lik, innovations, fitted, finalState: state }
}
