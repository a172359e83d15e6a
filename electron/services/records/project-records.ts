import { rm } from 'node:fs/promises'
import type { DatasetRecord, ModelRecord, ProjectManifest } from '../../api/records'
import type { ProjectSession } from '../projects'
import { CodedError } from '../storage'

function find<T extends { id: string }>(records: T[], kind: string, id: string): T {
  const found = records.find((record) => record.id === id)
  if (!found) throw new CodedError('NOT_FOUND', `No ${kind} with id "${id}" in this project`)
  return found
}

function confirmed(name: string, typed: string): void {
  if (typed.trim() !== name)
    throw new CodedError('CONFIRMATION_REQUIRED', `Type "${name}" exactly to confirm the deletion`)
}

/** Project-relative files go after the manifest no longer names them: a failure leaves orphans, never dangling records. */
async function remove(session: ProjectSession, relative: string): Promise<void> {
  await rm(await session.resolve(relative), { recursive: true, force: true })
}

/** The dataset a run trained on, as its settings recorded it. */
function datasetOfRun(config: ProjectManifest['runs'][number]['config']): unknown {
  return (config.source as { datasetId?: unknown } | undefined)?.datasetId
}

export async function renameDataset(
  session: ProjectSession,
  id: string,
  name: string,
): Promise<DatasetRecord> {
  const manifest = await session.update((draft) => {
    find(draft.datasets, 'dataset', id).name = name
  })
  return find(manifest.datasets, 'dataset', id)
}

/** Refused while a model was trained on it: that model's forecasts read the dataset. */
export async function deleteDataset(session: ProjectSession, id: string, typed: string): Promise<string> {
  const record = find(session.manifest.datasets, 'dataset', id)
  confirmed(record.name, typed)
  const manifest = session.manifest
  const users = manifest.models.filter((model) => {
    const run = manifest.runs.find((r) => r.id === model.runId)
    return run !== undefined && datasetOfRun(run.config) === id
  })
  if (users.length > 0)
    throw new CodedError(
      'DATASET_IN_USE',
      `"${record.name}" is used by ${users.length} model(s) (${users.map((m) => m.name).join(', ')}): delete them first`,
      { details: { name: users.map((m) => m.name).join(', ') } },
    )
  await session.update((draft) => {
    draft.datasets = draft.datasets.filter((dataset) => dataset.id !== id)
  })
  await remove(session, record.storedFile)
  if (record.cacheFile) await remove(session, record.cacheFile)
  return record.name
}

export async function renameModel(session: ProjectSession, id: string, name: string): Promise<ModelRecord> {
  const manifest = await session.update((draft) => {
    find(draft.models, 'model', id).name = name
  })
  return find(manifest.models, 'model', id)
}

/** The model's folder and its forecasts go with it. */
export async function deleteModel(session: ProjectSession, id: string, typed: string): Promise<string> {
  const record = find(session.manifest.models, 'model', id)
  confirmed(record.name, typed)
  const forecasts = session.manifest.forecasts.filter((forecast) => forecast.modelId === id)
  await session.update((draft) => {
    draft.models = draft.models.filter((model) => model.id !== id)
    draft.forecasts = draft.forecasts.filter((forecast) => forecast.modelId !== id)
  })
  await remove(session, `models/${id}`)
  for (const forecast of forecasts) {
    await remove(session, forecast.file)
    await remove(session, `forecasts/${forecast.id}.json`)
  }
  return record.name
}

/** A run still training is refused; its model, if any, stays (it no longer names the run). */
export async function deleteRun(session: ProjectSession, id: string, training: boolean): Promise<string> {
  find(session.manifest.runs, 'run', id)
  if (training)
    throw new CodedError('RUN_ACTIVE', 'This run is still training: stop or cancel it before deleting it')
  await session.update((draft) => {
    draft.runs = draft.runs.filter((run) => run.id !== id)
    for (const model of draft.models) if (model.runId === id) model.runId = null
  })
  await remove(session, `runs/${id}`)
  return id
}
