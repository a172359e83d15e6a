import { DEFAULT_LEVELS, type Forecast } from '../types'
import { etsPointForecast } from './filter'
import { fitEtsModel, type EtsFit, type FitOptions } from './fit-model'
import { etsIntervals, type EtsIntervalOptions } from './intervals'
import { candidateSpecs, etsName, minimumObservations, type EtsSpec } from './spec'
import { constantEtsFit, isConstant } from './constant-fit'

/**
 * Automatic ETS as R's ets(y) with defaults: fit every admissible candidate by maximum
 * likelihood and keep the smallest AICc. Seasonal candidates are dropped when m ≤ 1, when m > 24
 * (R refuses such periods and falls back to non-seasonal models) and when fewer than three full
 * seasons are available; multiplicative-error candidates need strictly positive data.
 */

export const MAX_ETS_SEASONAL_PERIOD = 24

/** The fewest points any ETS model is fitted to: simple exponential smoothing's. */
export const ETS_MIN_POINTS = minimumObservations({ error: 'A', trend: 'N', season: 'N' }, 1)

export interface AutoEtsResult {
  best: EtsFit
  /** Every candidate tried with its AICc (Infinity when it could not be fitted) and why not. */
  candidates: { name: string; aicc: number; error?: string }[]
  notes: string[]
}

export interface AutoEtsOptions extends FitOptions {
  /** Restrict the search to these models (default: R's candidate set). */
  specs?: EtsSpec[]
}

export function autoEts(y: ArrayLike<number>, m: number, options: AutoEtsOptions = {}): AutoEtsResult {
  if (isConstant(y)) {
    const best = constantEtsFit(y, m)
    const note = `All ${y.length} values are equal: simple exponential smoothing of the constant, as R's ets() does.`
    return { best, candidates: [{ name: best.name, aicc: best.aicc }], notes: [note] }
  }
  const notes: string[] = []
  let positive = true
  for (let i = 0; i < y.length; i++) if (!(y[i] > 0)) positive = false
  if (!positive) notes.push('Data not strictly positive: multiplicative-error models skipped.')
  let seasonal = m > 1
  if (m > MAX_ETS_SEASONAL_PERIOD) {
    seasonal = false
    notes.push(`Seasonal period ${m} > ${MAX_ETS_SEASONAL_PERIOD}: seasonality ignored, as R's ets() does.`)
  } else if (seasonal && y.length < 3 * m) {
    seasonal = false
    notes.push(`Fewer than three full seasons (${3 * m} points): seasonal models skipped.`)
  }
  const specs = options.specs ?? candidateSpecs({ positive, seasonal })
  const candidates: AutoEtsResult['candidates'] = []
  let best: EtsFit | null = null
  for (const spec of specs) {
    try {
      const fit = fitEtsModel(y, spec, m, options)
      candidates.push(
        Number.isFinite(fit.aicc)
          ? { name: fit.name, aicc: fit.aicc }
          : { name: fit.name, aicc: Infinity, error: `${fit.name} has no finite likelihood` },
      )
      if (Number.isFinite(fit.aicc) && (best === null || fit.aicc < best.aicc)) best = fit
    } catch (error) {
      candidates.push({ name: etsName(spec), aicc: Infinity, error: (error as Error).message })
    }
  }
  if (best === null)
    throw new Error(`ETS: no candidate model could be fitted (${candidates.map((c) => c.error).join('; ')})`)
  return { best, candidates, notes }
}

/** Point forecasts and intervals of a fitted model. */
export function forecastEts(
  fit: EtsFit,
  h: number,
  levels: readonly number[] = DEFAULT_LEVELS,
  options: EtsIntervalOptions = {},
): Forecast {
  const mean = etsPointForecast(fit.finalState, fit.spec, fit.m, fit.params.phi, h)
  return { mean, intervals: etsIntervals(fit, mean, levels, options), method: fit.name }
}

/** ets(y) followed by forecast(h): the ETS baseline. */
export function etsForecast(
  y: ArrayLike<number>,
  h: number,
  m: number,
  levels: readonly number[] = DEFAULT_LEVELS,
): Forecast {
  return forecastEts(autoEts(y, m).best, h, levels)
}
