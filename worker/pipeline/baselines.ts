import {
  driftForecast,
  etsForecast,
  evaluateForecast,
  meanForecast,
  naiveForecast,
  seasonalNaiveForecast,
  thetaForecast,
  type Forecast,
  type ForecastMetrics,
} from '../statistics/index'
import { chunksOf, concat } from './chunks'

export type BaselineName = 'naive' | 'seasonalNaive' | 'drift' | 'mean' | 'ets' | 'theta'

export interface BaselineScore {
  method: string
  metrics: ForecastMetrics | null
  /** Why the baseline could not be computed (too short, ETS failure…). */
  error?: string
}

const FORECASTERS: Record<BaselineName, (history: Float64Array, h: number, m: number) => Forecast> = {
  naive: (history, h) => naiveForecast(history, h),
  seasonalNaive: (history, h, m) => seasonalNaiveForecast(history, h, m),
  drift: (history, h) => driftForecast(history, h),
  mean: (history, h) => meanForecast(history, h),
  ets: (history, h, m) => etsForecast(history, h, m),
  // M3's winner; point forecasts only (the method defines no intervals of its own).
  theta: (history, h, m) => ({ mean: thetaForecast(history, m, h), intervals: [], method: 'Theta' }),
}

/**
 * Every baseline on the same origins as the network: each forecasts `horizon` steps at a time
 * from the history before the origin, refitted there. MASE is scaled by the data before `start`.
 */
export function scoreBaselines(
  target: ArrayLike<number>,
  start: number,
  end: number,
  horizon: number,
  m: number,
  names: BaselineName[] = ['naive', 'seasonalNaive', 'drift', 'mean', 'ets', 'theta'],
): Record<string, BaselineScore> {
  const all = Float64Array.from(target)
  const actual = all.slice(start, end)
  const chunks = chunksOf(start, end, horizon)
  const scores: Record<string, BaselineScore> = {}
  for (const name of names) {
    try {
      const forecasts = chunks.map((chunk) => FORECASTERS[name](all.slice(0, chunk.origin), chunk.steps, m))
      const band = (level: number, side: 'lower' | 'upper') =>
        concat(forecasts.map((f) => f.intervals.find((i) => i.level === level)?.[side] ?? []))
      const levels = forecasts[0].intervals.map((interval) => interval.level)
      scores[name] = {
        method: forecasts[0].method,
        metrics: evaluateForecast({
          actual,
          forecast: concat(forecasts.map((f) => f.mean)),
          train: all.slice(0, start),
          m,
          intervals: levels.map((level) => ({
            level,
            lower: band(level, 'lower'),
            upper: band(level, 'upper'),
          })),
        }),
      }
    } catch (error) {
      scores[name] = { method: name, metrics: null, error: (error as Error).message }
    }
  }
  return scores
}
