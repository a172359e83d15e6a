import { loadModelFolder } from '../models'
import type { LoadedModel } from '../models'
import type { ProjectSession } from '../projects'
import { CodedError } from '../storage'
import { targetNames } from '../../../worker/pipeline/index'
import { datasetSeries, findDataset } from './dataset-series'

export interface ModelWithData {
  loaded: LoadedModel
  series: Awaited<ReturnType<typeof datasetSeries>>
}

/** The project's folder of a model it knows, refused by code when the id is not one of its models. */
export async function modelDirectory(session: ProjectSession, modelId: string): Promise<string> {
  if (!session.manifest.models.some((model) => model.id === modelId))
    throw new CodedError('NOT_FOUND', `No model with id "${modelId}" in this project`)
  return session.resolve(`models/${modelId}`)
}

/**
 * A saved model with the series it was trained on (or, for new data, another dataset of the
 * project with the same columns), read the way training read it: the model's own targets, the
 * covariates and dataset its training.json records.
 */
export async function modelWithData(
  session: ProjectSession,
  modelId: string,
  datasetId?: string,
): Promise<ModelWithData> {
  const loaded = await loadModelFolder(await modelDirectory(session, modelId))
  const source = (loaded.training as { source?: { datasetId?: string; covariates?: string[] } }).source
  if (!source?.datasetId)
    throw new CodedError('MODEL_NO_SOURCE', 'This model does not say which dataset it was trained on')
  const choice = { targets: targetNames(loaded.model.state), covariates: source.covariates ?? [] }
  const series = await datasetSeries(session, findDataset(session, datasetId ?? source.datasetId), choice)
  return { loaded, series }
}
