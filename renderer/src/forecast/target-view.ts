import type { ForecastView, ModelEvaluation } from '../../../electron/api/requests/models'

/** Names of a model's targets, primary first (one name for a single-target model). */
export function targetNames(evaluation: ModelEvaluation): string[] {
  return [evaluation.target, ...(evaluation.extraTargets ?? []).map((block) => block.target)]
}

/**
 * The evaluation as the Forecast screen draws it for target `index` (0 = primary): that target's
 * block replaces the primary's fields, so the chart and tables need not know about several targets.
 */
export function evaluationFor(evaluation: ModelEvaluation, index: number): ModelEvaluation {
  const block = index > 0 ? evaluation.extraTargets?.[index - 1] : undefined
  return block ? { ...evaluation, ...block } : evaluation
}

/** The forecast's bands for target `index`, matched by name (a forecast may predate the model's reload). */
export function forecastFor(forecast: ForecastView | null, target: string): ForecastView | null {
  if (!forecast?.targets) return forecast
  const chosen = forecast.targets.find((entry) => entry.target === target)
  return chosen ? { ...forecast, bands: chosen.bands } : forecast
}
