import { calibrateConformal, type ConformalCalibration } from '../statistics/conformal'
import { maseScale } from '../statistics/metrics'
import type { PredictionInterval } from '../statistics/types'

/**
 * Prediction intervals for every series of a panel from one split-conformal calibration: each
 * series' validation errors are divided by its scale (the in-sample naive MAE, the MASE
 * denominator) so that series of every size pool into one calibration per step; a series'
 * interval is its forecast ± the pooled quantile times its own scale. With hundreds of series
 * the quantiles are well determined even though each series gives one error per step.
 */

/** The scale of a history: the mean absolute one-step change (1 when it is 0 or undefined). */
export function seriesScale(history: ArrayLike<number>): number {
  const scale = maseScale(history, 1)
  return scale > 0 ? scale : 1
}

export function calibratePanelIntervals(
  fit: readonly ArrayLike<number>[],
  actual: readonly ArrayLike<number>[],
  forecasts: readonly ArrayLike<number>[],
  horizon: number,
  levels: readonly number[] = [80, 95],
): ConformalCalibration {
  const residuals = fit.flatMap((history, s) => {
    if (history.length < 2 || actual[s].length === 0) return []
    const scale = seriesScale(history)
    return [
      Float64Array.from({ length: horizon }, (_, k) =>
        k < actual[s].length ? (actual[s][k] - forecasts[s][k]) / scale : NaN,
      ),
    ]
  })
  return calibrateConformal(residuals, horizon, levels)
}

export function panelIntervals(
  calibration: ConformalCalibration,
  history: ArrayLike<number>,
  forecast: ArrayLike<number>,
): PredictionInterval[] {
  const scale = seriesScale(history)
  return calibration.levels.map((level) => {
    const half = calibration.halfWidths[level]
    const lower = Float64Array.from(forecast, (f, k) => f - half[k] * scale)
    const upper = Float64Array.from(forecast, (f, k) => f + half[k] * scale)
    return { level, lower, upper }
  })
}
