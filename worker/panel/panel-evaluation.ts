import { naiveForecast, seasonalNaiveForecast } from '../statistics/baselines/lag-walk'
import { naive2Forecast } from '../statistics/baselines/naive2'
import { mae, rmse } from '../statistics/metrics'
import {
  overallWeightedAverage,
  panelAccuracy,
  seriesAccuracy,
  type PanelAccuracy,
  type SeriesAccuracy,
} from '../statistics/panel-metrics'
import { etsCompanion, thetaCompanion } from './companion-forecasts'

/**
 * Judges panel forecasts as the M competitions do: per series MAE, RMSE, sMAPE and MASE (scaled by
 * the in-sample seasonal naive of the training part), panel means, and OWA against Naive2, with
 * the baselines — naive, seasonal naive, Naive2, ETS and Theta — scored on the same series beside
 * the network.
 */

export interface SeriesScore extends SeriesAccuracy {
  mae: number
  rmse: number
}

export interface MethodScore extends PanelAccuracy {
  owa: number
}

export const BASELINE_NAMES = ['naive', 'seasonalNaive', 'naive2', 'ets', 'theta'] as const
export type BaselineName = (typeof BASELINE_NAMES)[number]

export interface PanelEvaluation {
  series: SeriesScore[]
  network: MethodScore
  baselines: Record<BaselineName, MethodScore>
  /** Every baseline's scores per series (null where the series has no test part or no history). */
  baselineSeries: Array<Record<BaselineName, SeriesAccuracy> | null>
}

type Forecaster = (history: Float64Array, period: number, horizon: number) => Float64Array

const naive2: Forecaster = naive2Forecast

/** ETS or Theta where it can be fitted; Naive2 where it cannot (a degenerate series), so every series counts. */
const orNaive2 =
  (companion: (history: Float64Array, period: number, horizon: number) => Float64Array | null): Forecaster =>
  (y, m, h) =>
    companion(y, m, h) ?? naive2(y, m, h)

export const BASELINES: Record<BaselineName, Forecaster> = {
  naive: (y, _m, h) => naiveForecast(y, h, []).mean,
  // M4's seasonal naive falls back to naive for a series not longer than one season.
  seasonalNaive: (y, m, h) => seasonalNaiveForecast(y, h, y.length > m ? m : 1, []).mean,
  naive2,
  ets: orNaive2(etsCompanion),
  theta: orNaive2(thetaCompanion),
}

/** Baseline forecasts already made (e.g. the run's own ETS and Theta fitted on the same training parts), per series; null: not made. */
export type GivenBaselines = Partial<Record<BaselineName, ReadonlyArray<ArrayLike<number> | null>>>

function baselineForecast(
  name: BaselineName,
  given: GivenBaselines,
  train: Float64Array,
  period: number,
  s: number,
  horizon: number,
): ArrayLike<number> {
  return given[name]?.[s] ?? BASELINES[name](train, period, horizon)
}

export function evaluatePanel(
  train: readonly Float64Array[],
  actual: readonly ArrayLike<number>[],
  forecasts: readonly ArrayLike<number>[],
  period: number,
  given: GivenBaselines = {},
): PanelEvaluation {
  if (train.length !== actual.length || actual.length !== forecasts.length)
    throw new RangeError(
      `evaluatePanel: ${train.length} training parts, ${actual.length} test parts and ${forecasts.length} forecasts`,
    )
  const series = actual.map((y, s) => {
    const f = Array.from(forecasts[s]).slice(0, y.length)
    return { ...seriesAccuracy(y, f, train[s], period), mae: mae(y, f), rmse: rmse(y, f) }
  })
  const baselineSeries = actual.map((y, s) => {
    if (train[s].length === 0 || y.length === 0) return null
    const score = (name: BaselineName) => {
      const f = Array.from(baselineForecast(name, given, train[s], period, s, y.length)).slice(0, y.length)
      return seriesAccuracy(y, f, train[s], period)
    }
    return Object.fromEntries(BASELINE_NAMES.map((name) => [name, score(name)])) as Record<
      BaselineName,
      SeriesAccuracy
    >
  })
  const scored = baselineSeries.filter((s): s is Record<BaselineName, SeriesAccuracy> => s !== null)
  const naive2Score = panelAccuracy(scored.map((s) => s.naive2))
  const withOwa = (score: PanelAccuracy): MethodScore => ({
    ...score,
    owa: overallWeightedAverage(score, naive2Score),
  })
  const baselines = Object.fromEntries(
    BASELINE_NAMES.map((name) => [name, withOwa(panelAccuracy(scored.map((s) => s[name])))]),
  ) as Record<BaselineName, MethodScore>
  return { series, network: withOwa(panelAccuracy(series)), baselines, baselineSeries }
}
