import type { ForecastView, ModelEvaluation, TargetEvaluation } from '../../api/requests/models'

/**
 * evaluation.json and forecasts/<id>.json as the API answers them, whichever version saved them.
 * Before 0.2 the first target's results stood apart at the top level (`target`, `actual`, `test`…)
 * with any further targets in `extraTargets`, and a forecast kept the first target's `bands`
 * apart, listing `targets` only when there were several.
 */

type Json = Record<string, unknown>

const TARGET_FIELDS = [
  'target',
  'actual',
  'test',
  'fitted',
  'metrics',
  'baselines',
  'coverage',
  'backtest',
] as const satisfies ReadonlyArray<keyof TargetEvaluation>

export function savedEvaluation(json: Json): ModelEvaluation {
  if (Array.isArray(json.targets)) return json as unknown as ModelEvaluation
  const { extraTargets = [], ...rest } = json as Json & { extraTargets?: TargetEvaluation[] }
  const first = Object.fromEntries(
    TARGET_FIELDS.map((field) => [field, rest[field]]),
  ) as unknown as TargetEvaluation
  for (const field of TARGET_FIELDS) delete rest[field]
  return { ...(rest as unknown as Omit<ModelEvaluation, 'targets'>), targets: [first, ...extraTargets] }
}

/** A single-target forecast saved before did not name its target; its CSV has no target column either. */
export function savedForecastTargets(json: Json): ForecastView['targets'] {
  if (Array.isArray(json.targets)) return json.targets as ForecastView['targets']
  return [{ target: '', bands: json.bands as ForecastView['targets'][number]['bands'] }]
}
