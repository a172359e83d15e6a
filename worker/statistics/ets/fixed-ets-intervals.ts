import type { PredictionInterval } from '../types'
import { etsFilter, etsPointForecast } from './filter'
import type { FixedEts } from './fixed-ets'
import { innovationVariance } from './fit-model'
import { etsIntervals } from './intervals'
import { freeParameterCount } from './spec'

/** A fixed ETS model's forecast after a history, with the model's own prediction intervals. */
export interface FixedEtsBands {
  mean: Float64Array
  intervals: PredictionInterval[]
}

/**
 * A fixed ETS model (fixed-ets.ts) forecasting after any history, with intervals as
 * forecast.ets computes them (intervals.ts): the recursions run through the history with the
 * parameters fixed on the training part, and the innovation variance is that of the one-step
 * errors over the whole history, R's Σe² / (n − k) with k = free parameters + 1. The errors
 * after the training part are out of sample, so a model that fits the recent data worse than
 * its training part widens its intervals. Null when the history is too short to estimate the
 * variance, or the model's forecast or intervals are not finite there.
 */
export function fixedEtsIntervals(
  model: FixedEts,
  history: ArrayLike<number>,
  h: number,
  levels: readonly number[],
): FixedEtsBands | null {
  const { spec, m, params } = model
  const k = freeParameterCount(spec, m) + 1
  if (history.length <= k) return null
  const run = etsFilter(history, spec, m, params, model.initialState)
  const sigma2 = innovationVariance(run.innovations, k)
  const mean = etsPointForecast(run.finalState, spec, m, params.phi, h)
  if (!Number.isFinite(sigma2) || !mean.every(Number.isFinite)) return null
  const intervals = etsIntervals({ spec, m, params, sigma2, finalState: run.finalState }, mean, levels)
  // A multiplicative error's variance grows geometrically with the horizon and can overflow.
  const bounded = intervals.every(
    (band) => band.lower.every(Number.isFinite) && band.upper.every(Number.isFinite),
  )
  return bounded ? { mean, intervals } : null
}
