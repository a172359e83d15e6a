import type { Metrics } from '../../../../electron/api/requests/models'
import type { EvaluatedTarget } from './target-view'

/** The model lost to a baseline on the test part, on the scale-free metric when there is one. */
export interface WorseThanBaseline {
  baseline: string
  metric: 'mase' | 'mae'
  model: number
  other: number
}

/** An interval covered a share of the test points far from its nominal level. */
export interface Miscalibration {
  level: 80 | 95
  covered: number
  points: number
}

/** MASE compares across series and is what the course reads; MAE when MASE is undefined. */
function comparedMetric(model: Metrics, baselines: Metrics[]): 'mase' | 'mae' {
  return model.mase !== null && baselines.some((b) => b.mase !== null) ? 'mase' : 'mae'
}

/**
 * The best baseline, when it beats the model on the test part. A model that a seasonal-naive
 * forecast outdoes is not worth using, and the user must hear it before reading the chart.
 */
export function worseThanBaseline(evaluation: EvaluatedTarget): WorseThanBaseline | null {
  const model = evaluation.metrics.test
  const metric = comparedMetric(
    model,
    evaluation.baselines.map((b) => b.test),
  )
  const modelScore = model[metric]
  if (modelScore === null || !Number.isFinite(modelScore)) return null
  let best: WorseThanBaseline | null = null
  for (const baseline of evaluation.baselines) {
    const score = baseline.test[metric]
    if (score === null || !Number.isFinite(score) || score >= modelScore) continue
    if (!best || score < best.other)
      best = { baseline: baseline.name, metric, model: modelScore, other: score }
  }
  return best
}

/**
 * Intervals whose test coverage is further from their level than chance allows: more than two
 * binomial standard deviations for this many test points, and at least 10 points off (a dozen
 * test points cannot pin coverage closer than that).
 */
export function miscalibrated(evaluation: EvaluatedTarget): Miscalibration[] {
  const points = evaluation.test.mean.length
  if (points === 0) return []
  const found: Miscalibration[] = []
  const levels: Array<[80 | 95, number | null]> = [
    [80, evaluation.coverage.level80],
    [95, evaluation.coverage.level95],
  ]
  for (const [level, covered] of levels) {
    if (covered === null) continue
    const p = level / 100
    const tolerance = Math.max(0.1, 2 * Math.sqrt((p * (1 - p)) / points))
    if (Math.abs(covered - p) > tolerance) found.push({ level, covered, points })
  }
  return found
}
