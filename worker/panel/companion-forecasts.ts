import { thetaForecast } from '../statistics/baselines/theta'
import { etsForecast, MAX_ETS_SEASONAL_PERIOD } from '../statistics/ets/auto-ets'
import { deseasonalise, reseasonalise } from '../statistics/seasonality/deseasonalise'

/**
 * The statistical companions of a global network, per series: R's automatic ETS and Theta, each
 * fitted on the history it forecasts from (as a new series would be at forecast time). They are
 * the panel's strongest baselines and the partners of the network's combination (combination.ts):
 * on M3 quarterly, ETS and Theta combined already beat each alone, the M competitions' lesson.
 * A series with no history, or one a model cannot be fitted to, gets null for that model.
 *
 * ETS comes in two variants. 'full' is R's ets() with its whole candidate set, seasonal models
 * included. 'adjusted' fits only the non-seasonal candidates on the series divided by its
 * classical seasonal indices (M4's adjustment, the one the network reads) and puts the season
 * back: about eight times cheaper on M3 quarterly (13 s against 104 s for 756 series) and a
 * little less accurate there (OWA 0.962 against 0.947). A panel whose fits would take minutes
 * per thread gets the cheap one (`etsVariantFor`), so a 10,000-series panel stays trainable.
 */

export type EtsVariant = 'full' | 'adjusted'

/**
 * Work, in points weighted by the candidates fitted (a seasonal candidate set costs about ten
 * times the non-seasonal one), above which the 'adjusted' variant is used: M3 quarterly and M4
 * weekly both weigh about 330,000 and take one to two minutes per fitting on this project's two
 * threads; this is about four times that.
 */
export const FULL_ETS_BUDGET = 1_500_000
const SEASONAL_COST = 10

export function etsVariantFor(lengths: readonly number[], period: number): EtsVariant {
  let work = 0
  for (const n of lengths)
    work += n * (period > 1 && period <= MAX_ETS_SEASONAL_PERIOD && n >= 3 * period ? SEASONAL_COST : 1)
  return work <= FULL_ETS_BUDGET ? 'full' : 'adjusted'
}

export interface CompanionForecasts {
  ets: (Float64Array | null)[]
  theta: (Float64Array | null)[]
}

function attempt(forecast: () => Float64Array): Float64Array | null {
  try {
    const values = forecast()
    return values.every(Number.isFinite) ? values : null
  } catch {
    return null
  }
}

/** ETS of one series, seasonal at `period` where R's ets() would be (m ≤ 24), or on the adjusted series. */
export function etsCompanion(
  history: Float64Array,
  period: number,
  horizon: number,
  variant: EtsVariant = 'full',
): Float64Array | null {
  if (history.length === 0) return null
  if (variant === 'adjusted')
    return attempt(() => {
      const adjustment = deseasonalise(history, period)
      return reseasonalise(adjustment, etsForecast(adjustment.adjusted, horizon, 1, []).mean)
    })
  const m = period <= MAX_ETS_SEASONAL_PERIOD ? period : 1
  return attempt(() => etsForecast(history, horizon, m, []).mean)
}

export function thetaCompanion(history: Float64Array, period: number, horizon: number): Float64Array | null {
  if (history.length === 0) return null
  return attempt(() => thetaForecast(history, period, horizon))
}

export function companionForecasts(
  histories: readonly Float64Array[],
  period: number,
  horizon: number,
  variant: EtsVariant = 'full',
): CompanionForecasts {
  return {
    ets: histories.map((history) => etsCompanion(history, period, horizon, variant)),
    theta: histories.map((history) => thetaCompanion(history, period, horizon)),
  }
}

/**
 * Where the companions are computed: in this thread (tests, small panels) or split over the
 * pool's threads (statistics-on-pool.ts), each chunk of series on its own thread. Both give
 * the same numbers.
 */
export type CompanionWorkers = (
  histories: readonly Float64Array[],
  period: number,
  horizon: number,
  variant: EtsVariant,
) => Promise<CompanionForecasts>

export const companionsInThisThread: CompanionWorkers = async (histories, period, horizon, variant) =>
  companionForecasts(histories, period, horizon, variant)
