import type { ModelRecord } from '../../../../electron/api/records'

export interface OpenChoice {
  /** The model to show (null: none, the project has no model). */
  modelId: string | null
  /** The run whose model has now been opened (so the user may switch away from it freely). */
  openedRun: string | null
}

/**
 * Which model the Forecast screen shows. The model of the run the user just trained, once it is
 * saved and not yet opened ("See its forecast" means that one, not the first in the list); else
 * the one shown, while it still exists; else the latest.
 */
export function modelToOpen(
  models: Pick<ModelRecord, 'id' | 'runId'>[],
  shownId: string | null,
  trainedRun: string | null,
  openedRun: string | null,
): OpenChoice {
  const trained = trainedRun ? models.find((model) => model.runId === trainedRun) : undefined
  if (trained && trainedRun !== openedRun) return { modelId: trained.id, openedRun: trainedRun }
  if (shownId !== null && models.some((model) => model.id === shownId)) return { modelId: shownId, openedRun }
  return { modelId: models.at(-1)?.id ?? null, openedRun }
}
