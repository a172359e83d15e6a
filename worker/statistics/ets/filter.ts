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

/**
 * A model's shape, read once: the likelihood runs the recursion tens of thousands of times per
 * fit, and asking the spec at every step cost a third of ETS's time.
 */
interface Shape {
  trendOn: boolean
  seasonal: boolean
  multiplicativeSeason: boolean
  multiplicativeError: boolean
  /** Index of s_1 in the state vector. */
  seasonOffset: number
  m: number
}

function shapeOf(spec: EtsSpec, m: number): Shape {
  const trendOn = hasTrend(spec)
  return {
    trendOn,
    seasonal: isSeasonal(spec),
    multiplicativeSeason: spec.season === 'M',
    multiplicativeError: spec.error === 'M',
    seasonOffset: trendOn ? 2 : 1,
    m,
  }
}

/** The forecast of the next observation: (l + φb) combined with the seasonal term due now. */
function oneStepForecast(state: Float64Array, shape: Shape, phi: number): number {
  const f = shape.trendOn ? state[0] + phi * state[1] : state[0]
  if (!shape.seasonal) return f
  const s = state[shape.seasonOffset + shape.m - 1]
  return shape.multiplicativeSeason ? f * s : f + s
}

/** One state update after observing y (in place on `state`). */
function update(state: Float64Array, shape: Shape, params: SmoothingParams, y: number): void {
  const { trendOn, seasonal, multiplicativeSeason, seasonOffset, m } = shape
  const oldLevel = state[0]
  const dampedTrend = trendOn ? params.phi * state[1] : 0
  const q = oldLevel + dampedTrend
  const oldSeason = seasonal ? state[seasonOffset + m - 1] : 0
  let p = y
  if (multiplicativeSeason) p = Math.abs(oldSeason) < TOLERANCE ? HUGE : y / oldSeason
  else if (seasonal) p = y - oldSeason
  const level = q + params.alpha * (p - q)
  state[0] = level
  if (trendOn) state[1] = dampedTrend + (params.beta! / params.alpha) * (level - oldLevel - dampedTrend)
  if (seasonal) {
    let t = y - q
    if (multiplicativeSeason) t = Math.abs(q) < TOLERANCE ? HUGE : y / q
    for (let j = m - 1; j > 0; j--) state[seasonOffset + j] = state[seasonOffset + j - 1]
    state[seasonOffset] = oldSeason + params.gamma! * (t - oldSeason)
  }
}

/** Point forecasts for steps 1..h from a state (no noise). */
export function etsPointForecast(
  state: ArrayLike<number>,
  spec: EtsSpec,
  m: number,
  phi: number,
  h: number,
): Float64Array {
  const { trendOn, seasonal, multiplicativeSeason, seasonOffset } = shapeOf(spec, m)
  const level = state[0]
  const trend = trendOn ? state[1] : 0
  const out = new Float64Array(h)
  let phiSum = phi
  for (let i = 0; i < h; i++) {
    let f = trendOn ? level + phiSum * trend : level
    if (seasonal) {
      const s = state[seasonOffset + ((((m - 1 - i) % m) + m) % m)]
      f = multiplicativeSeason ? f * s : f + s
    }
    out[i] = f
    phiSum += phi === 1 ? 1 : phi ** (i + 2)
  }
  return out
}

/** One state update of `spec`'s model after observing y (in place on `state`). */
export function etsUpdate(
  state: Float64Array,
  spec: EtsSpec,
  m: number,
  params: SmoothingParams,
  y: number,
): void {
  update(state, shapeOf(spec, m), params, y)
}

/**
 * Runs the recursion over y from `state` (updated in place) and returns −2·log-likelihood;
 * records each step's fitted value and innovation when given arrays to fill.
 */
function runFilter(
  y: ArrayLike<number>,
  shape: Shape,
  params: SmoothingParams,
  state: Float64Array,
  fitted: Float64Array | null,
  innovations: Float64Array | null,
): number {
  const n = y.length
  let sumSquares = 0
  let sumLogForecast = 0
  for (let t = 0; t < n; t++) {
    const f = oneStepForecast(state, shape, params.phi)
    const e = shape.multiplicativeError ? (y[t] - f) / f : y[t] - f
    if (fitted !== null) fitted[t] = f
    if (innovations !== null) innovations[t] = e
    sumSquares += e * e
    sumLogForecast += Math.log(Math.abs(f))
    update(state, shape, params, y[t])
  }
  let lik = n * Math.log(sumSquares)
  if (shape.multiplicativeError) lik += 2 * sumLogForecast
  return lik
}

export function etsFilter(
  y: ArrayLike<number>,
  spec: EtsSpec,
  m: number,
  params: SmoothingParams,
  initialState: ArrayLike<number>,
): FilterResult {
  const state = Float64Array.from(initialState)
  const innovations = new Float64Array(y.length)
  const fitted = new Float64Array(y.length)
  const lik = runFilter(y, shapeOf(spec, m), params, state, fitted, innovations)
  return { lik, innovations, fitted, finalState: state }
}

/**
 * −2·log-likelihood alone, the optimiser's objective: no arrays recorded, and `state` (a full
 * initial state the caller no longer needs) is consumed in place.
 */
export function etsLikelihood(
  y: ArrayLike<number>,
  spec: EtsSpec,
  m: number,
  params: SmoothingParams,
  state: Float64Array,
): number {
  return runFilter(y, shapeOf(spec, m), params, state, null, null)
}
