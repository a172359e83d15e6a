import { thetaForecast } from '../statistics/baselines/theta'
import { etsForecast, MAX_ETS_SEASONAL_PERIOD } from '../statistics/ets/auto-ets'

/**
 * The statistical companions of a global network, per series: R's automatic ETS and Theta, each
 * fitted on the history it forecasts from (as a new series would be at forecast time). They are
 * the panel's strongest baselines and the partners of the network's combination (combination.ts):
 * on M3 quarterly, ETS and Theta combined already beat each alone, the M competitions' lesson.
 * A series with no history, or one a model cannot be fitted to, gets null for that model.
 */

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

/** ETS of one series, seasonal at `period` where R's ets() would be (m ≤ 24). */
export function etsCompanion(history: Float64Array, period: number, horizon: number): Float64Array | null {
  if (history.length === 0) return null
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
): CompanionForecasts {
  return {
    ets: histories.map((history) => etsCompanion(history, period, horizon)),
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
) => Promise<CompanionForecasts>

export const companionsInThisThread: CompanionWorkers = async (histories, period, horizon) =>
  companionForecasts(histories, period, horizon)
