import { seasonalNaiveForecast } from '../statistics/baselines/lag-walk'
import { naive2Forecast } from '../statistics/baselines/naive2'
import { thetaForecast } from '../statistics/baselines/theta'
import { mae, rmse } from '../statistics/metrics'
import {
  overallWeightedAverage,
  panelAccuracy,
  seriesAccuracy,
  type PanelAccuracy,
  type SeriesAccuracy,
} from '../statistics/panel-metrics'

/**
 * Judges panel forecasts as the M competitions do: per series MAE, RMSE, sMAPE and MASE (scaled by
 * the in-sample seasonal naive of the training part), panel means, and OWA against Naive2, with
 * Naive2, seasonal naive and Theta computed on the same series beside the network.
 */

export interface SeriesScore extends SeriesAccuracy {
  mae: number
  rmse: number
}

export interface MethodScore extends PanelAccuracy {
  owa: number
}

export interface PanelEvaluation {
  series: SeriesScore[]
  network: MethodScore
  baselines: Record<'naive2' | 'seasonalNaive' | 'theta', MethodScore>
}

type Forecaster = (history: Float64Array, period: number, horizon: number) => Float64Array

export const BASELINES: Record<keyof PanelEvaluation['baselines'], Forecaster> = {
  naive2: naive2Forecast,
  // M4's seasonal naive falls back to naive for a series not longer than one season.
  seasonalNaive: (y, m, h) => seasonalNaiveForecast(y, h, y.length > m ? m : 1, []).mean,
  theta: thetaForecast,
}

export function evaluatePanel(
  train: readonly Float64Array[],
  actual: readonly ArrayLike<number>[],
  forecasts: readonly ArrayLike<number>[],
  period: number,
): PanelEvaluation {
  if (train.length !== actual.length || actual.length !== forecasts.length)
    throw new RangeError(
      `evaluatePanel: ${train.length} training parts, ${actual.length} test parts and ${forecasts.length} forecasts`,
    )
  const series = actual.map((y, s) => {
    const f = Array.from(forecasts[s]).slice(0, y.length)
    return { ...seriesAccuracy(y, f, train[s], period), mae: mae(y, f), rmse: rmse(y, f) }
  })
  const scoreOf = (forecaster: Forecaster) =>
    panelAccuracy(
      actual.map((y, s) => seriesAccuracy(y, forecaster(train[s], period, y.length), train[s], period)),
    )
  const naive2 = scoreOf(BASELINES.naive2)
  const withOwa = (score: PanelAccuracy): MethodScore => ({
    ...score,
    owa: overallWeightedAverage(score, naive2),
  })
  return {
    series,
    network: withOwa(panelAccuracy(series)),
    baselines: {
      naive2: withOwa(naive2),
      seasonalNaive: withOwa(scoreOf(BASELINES.seasonalNaive)),
      theta: withOwa(scoreOf(BASELINES.theta)),
    },
  }
}
