import type {
  ForecastView,
  IntervalBands,
  ModelEvaluation,
  TargetEvaluation,
} from '../../../../electron/api/requests/models'

/** The evaluation as the Forecast screen draws it for one target: the model's shared facts and that target's results. */
export type EvaluatedTarget = Omit<ModelEvaluation, 'targets'> & TargetEvaluation

/** One target's forecast past the data. */
export interface TargetForecastView {
  timestamps: number[] | null
  bands: IntervalBands
}

/** Names of a model's targets, in its order. */
export function targetNames(evaluation: ModelEvaluation): string[] {
  return evaluation.targets.map((target) => target.target)
}

/** Target `index` of the model (the screen opens on the first), so the chart and tables need not know about several. */
export function evaluationFor(evaluation: ModelEvaluation, index: number): EvaluatedTarget | null {
  const { targets, ...shared } = evaluation
  const chosen = targets[index]
  return chosen ? { ...shared, ...chosen } : null
}

/** The forecast's bands for `target`, matched by name (a forecast may predate the model's reload). */
export function forecastFor(forecast: ForecastView | null, target: string): TargetForecastView | null {
  const chosen = forecast?.targets.find((entry) => entry.target === target)
  return forecast && chosen ? { timestamps: forecast.timestamps, bands: chosen.bands } : null
}
