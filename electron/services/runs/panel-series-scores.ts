import type { PanelMethodName, PanelMethodScore } from '../../api/requests/panel-results'
import {
  BASELINE_NAMES,
  type BaselineName,
  type MethodScore,
  type PanelEvaluation,
} from '../../../worker/panel/panel-evaluation'
import type { SeriesAccuracy } from '../../../worker/statistics/panel-metrics'

export { intervalCoverage } from '../../../worker/panel/interval-coverage'

/**
 * Scores for the Panel screen beyond what the evaluation gives: the best baseline of each series
 * (so a row can set the network beside it), the panel means as the API sends them (NaN as null),
 * and how often the held-out points fell inside the bands.
 */

export type { BaselineName }

/** The baseline with the lowest sMAPE on a series. */
export function bestBaseline(scores: Record<BaselineName, SeriesAccuracy>): BaselineName {
  return BASELINE_NAMES.reduce((best, name) => (scores[name].smape < scores[best].smape ? name : best))
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null)

function methodScore(score: MethodScore): PanelMethodScore {
  return { smape: score.smape, mase: finiteOrNull(score.mase), owa: finiteOrNull(score.owa) }
}

/** The panel's means per method, as the API sends them. */
export function panelMethodScores(evaluation: PanelEvaluation): Record<PanelMethodName, PanelMethodScore> {
  return {
    network: methodScore(evaluation.network),
    ...(Object.fromEntries(
      BASELINE_NAMES.map((name) => [name, methodScore(evaluation.baselines[name])]),
    ) as Record<BaselineName, PanelMethodScore>),
  }
}
