import { nelderMead } from '../optim/nelder-mead'
import { etsFilter, etsLikelihood } from './filter'
import { completeState, initialStateGuess } from './initial-state'
import { LOWER, UPPER, parametersAllowed } from './parameter-bounds'
import type { EtsSpec, SmoothingParams } from './spec'
import { etsName, freeParameterCount, hasTrend, isSeasonal, minimumObservations } from './spec'

/**
 * Maximum-likelihood fit of one ETS model, as R's etsmodel(): smoothing parameters and initial
 * states are optimised jointly by Nelder–Mead on n·log(Σe²) (+ 2Σlog|f|), starting from R's
 * initparam()/initstate() heuristics, with non-admissible points rejected (objective = ∞).
 */

export interface EtsFit {
  spec: EtsSpec
  name: string
  m: number
  params: SmoothingParams
  /** Full initial state [l0, b0?, s_1..s_m]. */
  initialState: Float64Array
  /** State after the last observation: the forecast origin. */
  finalState: Float64Array
  /** Innovation variance: Σe² / (n − k), k = free parameters + 1 (R's sigma2). */
  sigma2: number
  lik: number
  aic: number
  aicc: number
  bic: number
  /** Number of estimated quantities including the innovation variance. */
  parameterCount: number
  fitted: Float64Array
  innovations: Float64Array
  n: number
}

/**
 * R's innovation variance (sigma2): Σe² / (n − k) over the one-step errors, k the quantities
 * estimated (free parameters and initial states, plus the variance itself).
 */
export function innovationVariance(innovations: ArrayLike<number>, k: number): number {
  let sumSquares = 0
  for (let t = 0; t < innovations.length; t++) sumSquares += innovations[t] * innovations[t]
  return sumSquares / (innovations.length - k)
}

function startingSmoothingParams(spec: EtsSpec, m: number): number[] {
  const period = isSeasonal(spec) ? m : 1
  const alpha = LOWER.alpha + (0.2 * (UPPER.alpha - LOWER.alpha)) / period
  const start = [alpha]
  if (hasTrend(spec)) start.push(LOWER.beta + 0.1 * (Math.min(UPPER.beta, alpha) - LOWER.beta))
  if (isSeasonal(spec)) start.push(LOWER.gamma + 0.05 * (Math.min(UPPER.gamma, 1 - alpha) - LOWER.gamma))
  if (spec.trend === 'Ad') start.push(LOWER.phi + 0.99 * (UPPER.phi - LOWER.phi))
  return start
}

function smoothingCount(spec: EtsSpec): number {
  return 1 + (hasTrend(spec) ? 1 : 0) + (isSeasonal(spec) ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0)
}

function unpackSmoothing(vector: ArrayLike<number>, spec: EtsSpec): SmoothingParams {
  let i = 0
  const alpha = vector[i++]
  const beta = hasTrend(spec) ? vector[i++] : undefined
  const gamma = isSeasonal(spec) ? vector[i++] : undefined
  const phi = spec.trend === 'Ad' ? vector[i++] : 1
  return { alpha, beta, gamma, phi }
}

function seasonalStatesPositive(state: Float64Array, spec: EtsSpec): boolean {
  if (spec.season !== 'M') return true
  for (let i = hasTrend(spec) ? 2 : 1; i < state.length; i++) if (state[i] < 0) return false
  return true
}

export interface FitOptions {
  maxEvaluations?: number
}

/** Fits `spec` to y; throws when the series is too short for the model. */
export function fitEtsModel(
  y: ArrayLike<number>,
  spec: EtsSpec,
  m: number,
  options: FitOptions = {},
): EtsFit {
  const n = y.length
  const least = minimumObservations(spec, m)
  if (n < least) throw new RangeError(`${etsName(spec)} needs more than ${least - 1} observations, got ${n}`)
  const damped = spec.trend === 'Ad'
  const nSmoothing = smoothingCount(spec)
  const start = [...startingSmoothingParams(spec, m), ...initialStateGuess(y, spec, m)]

  const objective = (vector: Float64Array): number => {
    const params = unpackSmoothing(vector, spec)
    if (!parametersAllowed(params, damped, m)) return Infinity
    const state = completeState(vector.subarray(nSmoothing), spec, m)
    if (!seasonalStatesPositive(state, spec)) return Infinity
    const lik = etsLikelihood(y, spec, m, params, state)
    if (Number.isNaN(lik)) return Infinity
    return Math.max(lik, -1e10)
  }
  const best = nelderMead(objective, start, { maxEvaluations: options.maxEvaluations ?? 2000 })
  const params = unpackSmoothing(best.x, spec)
  const initialState = completeState(best.x.subarray(nSmoothing), spec, m)
  return etsFitAt(y, spec, m, params, initialState)
}

/** The fit of `spec` to y at given parameters and initial state: its recursions, variance and information criteria. */
export function etsFitAt(
  y: ArrayLike<number>,
  spec: EtsSpec,
  m: number,
  params: SmoothingParams,
  initialState: Float64Array,
): EtsFit {
  const n = y.length
  const run = etsFilter(y, spec, m, params, initialState)
  const k = freeParameterCount(spec, m) + 1
  const aic = run.lik + 2 * k
  return {
    spec,
    name: etsName(spec),
    m,
    params,
    initialState,
    finalState: run.finalState,
    sigma2: innovationVariance(run.innovations, k),
    lik: run.lik,
    aic,
    aicc: aic + (2 * k * (k + 1)) / (n - k - 1),
    bic: run.lik + Math.log(n) * k,
    parameterCount: k,
    fitted: run.fitted,
    innovations: run.innovations,
    n,
  }
}
