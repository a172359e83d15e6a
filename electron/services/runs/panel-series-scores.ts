import type { PanelMethodName, PanelMethodScore } from '../../api/requests/panel-results'
import { BASELINES, type PanelEvaluation } from '../../../worker/panel/panel-evaluation'
import { naiveForecast } from '../../../worker/statistics/baselines/lag-walk'
import {
  overallWeightedAverage,
  panelAccuracy,
  seriesAccuracy,
  type PanelAccuracy,
  type SeriesAccuracy,
} from '../../../worker/statistics/panel-metrics'

export { intervalCoverage } from '../../../worker/panel/interval-coverage'

/**
 * Scores for the Panel screen beyond the panel means the evaluation gives: each baseline per
 * series (so a row can set the network beside the best baseline on that series), naive's panel
 * means, and how often the held-out points fell inside the bands.
 */

export type BaselineName = Exclude<PanelMethodName, 'network'>

const forecasters: Record<BaselineName, (train: Float64Array, period: number, h: number) => Float64Array> = {
  naive: (train, _period, h) => naiveForecast(train, h, []).mean,
  ...BASELINES,
}

export const baselineNames = Object.keys(forecasters) as BaselineName[]

/** Every baseline's sMAPE and MASE on one series; null when there is nothing to score. */
export function seriesBaselineScores(
  train: Float64Array,
  actual: ArrayLike<number>,
  period: number,
): Record<BaselineName, SeriesAccuracy> | null {
  if (train.length === 0 || actual.length === 0) return null
  return Object.fromEntries(
    baselineNames.map((name) => [
      name,
      seriesAccuracy(actual, forecasters[name](train, period, actual.length), train, period),
    ]),
  ) as Record<BaselineName, SeriesAccuracy>
}

/** The baseline with the lowest sMAPE on a series. */
export function bestBaseline(scores: Record<BaselineName, SeriesAccuracy>): BaselineName {
  return baselineNames.reduce((best, name) => (scores[name].smape < scores[best].smape ? name : best))
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null)

function methodScore(score: PanelAccuracy, naive2: PanelAccuracy): PanelMethodScore {
  let owa: number | null = null
  try {
    owa = finiteOrNull(overallWeightedAverage(score, naive2))
  } catch {
    // Naive2 scored 0 (every series flat and forecast exactly): there is nothing to be relative to.
    owa = null
  }
  return { smape: score.smape, mase: finiteOrNull(score.mase), owa }
}

/** The panel's means per method: the evaluation's, plus naive from the per-series scores. */
export function panelMethodScores(
  evaluation: PanelEvaluation,
  perSeries: Array<Record<BaselineName, SeriesAccuracy> | null>,
): Record<PanelMethodName, PanelMethodScore> {
  const naive2 = evaluation.baselines.naive2
  const scored = perSeries.filter((s): s is Record<BaselineName, SeriesAccuracy> => s !== null)
  return {
    network: methodScore(evaluation.network, naive2),
    naive: methodScore(panelAccuracy(scored.map((s) => s.naive)), naive2),
    seasonalNaive: methodScore(evaluation.baselines.seasonalNaive, naive2),
    naive2: methodScore(naive2, naive2),
    theta: methodScore(evaluation.baselines.theta, naive2),
  }
}
