import { evaluateForecast, type ForecastMetrics } from './metrics'

/**
 * Rolling-origin evaluation: for K origins spaced `step` apart and ending so that the last
 * forecast reaches the end of the series, forecast h steps from the history before each origin
 * and score against what followed. Whether the forecaster refits at each origin is its own
 * business; `refit` is only passed through.
 */

export interface ForecasterOutput {
  mean: ArrayLike<number>
  lower?: Record<number, ArrayLike<number>>
  upper?: Record<number, ArrayLike<number>>
}

export type Forecaster = (
  history: Float64Array,
  h: number,
  context: { refit: boolean; origin: number; originIndex: number },
) => ForecasterOutput

export interface BacktestOptions {
  horizon: number
  origins: number
  /** Distance between consecutive origins (default: horizon, i.e. non-overlapping test windows). */
  step?: number
  /** Seasonal period for MASE. */
  m: number
  refit: boolean
  forecaster: Forecaster
}

export interface OriginResult {
  /** Index of the first forecast step. */
  origin: number
  forecast: Float64Array
  actual: Float64Array
  metrics: ForecastMetrics
}

export interface BacktestResult {
  perOrigin: OriginResult[]
  /** Means of the per-origin metrics (MAPE/MASE over origins where defined). */
  overall: {
    mae: number
    rmse: number
    smape: number
    mape: number | null
    mase: number | null
    coverage: Record<number, number>
  }
}

export function backtestOrigins(n: number, horizon: number, count: number, step: number): number[] {
  const last = n - horizon
  const origins = Array.from({ length: count }, (_, i) => last - (count - 1 - i) * step)
  if (origins[0] < 2)
    throw new RangeError(
      `backtest: ${count} origins of step ${step} and horizon ${horizon} do not fit in ${n} points`,
    )
  return origins
}

function meanOf(values: (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null)
  return defined.length === values.length && defined.length > 0
    ? defined.reduce((a, b) => a + b, 0) / defined.length
    : null
}

export function rollingOriginBacktest(series: ArrayLike<number>, options: BacktestOptions): BacktestResult {
  const { horizon: h, m } = options
  const all = Float64Array.from(series)
  const origins = backtestOrigins(all.length, h, options.origins, options.step ?? h)
  const perOrigin = origins.map((origin, originIndex) => {
    const history = all.slice(0, origin)
    const out = options.forecaster(history, h, { refit: options.refit, origin, originIndex })
    const forecast = Float64Array.from(out.mean)
    if (forecast.length !== h)
      throw new RangeError(`forecaster returned ${forecast.length} values, expected ${h}`)
    const actual = all.slice(origin, origin + h)
    const levels = Object.keys(out.lower ?? {}).map(Number)
    const intervals = levels.map((level) => ({ level, lower: out.lower![level], upper: out.upper![level] }))
    return {
      origin,
      forecast,
      actual,
      metrics: evaluateForecast({ actual, forecast, train: history, m, intervals }),
    }
  })
  const pick = (f: (r: ForecastMetrics) => number | null) => meanOf(perOrigin.map((r) => f(r.metrics)))
  const coverageOverall: Record<number, number> = {}
  for (const level of Object.keys(perOrigin[0].metrics.coverage).map(Number)) {
    coverageOverall[level] = pick((r) => r.coverage[level] ?? null) ?? NaN
  }
  return {
    perOrigin,
    overall: {
      mae: pick((r) => r.mae)!,
      rmse: pick((r) => r.rmse)!,
      smape: pick((r) => r.smape)!,
      mape: pick((r) => r.mape),
      mase: pick((r) => r.mase),
      coverage: coverageOverall,
    },
  }
}
