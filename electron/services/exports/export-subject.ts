import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { FILES } from '../../../worker/model-format/index'
import type { Frequency } from '../../../worker/timeseries/frequency'
import { detectedFrequency } from '../../api/dataset-period'
import { datasetUtcOffset } from '../../api/dataset-zone'
import type { ProjectSession } from '../projects'

/** What an export of a model is named after and how its dates are written. */
export interface ExportSubject {
  /** The dataset's name (the model's, when the dataset is gone): exports are named after it. */
  name: string
  frequency: Frequency | null
  utcOffsetMinutes: number | null
}

/** The dataset training.json says the model learned from, when the project still has it. */
async function sourceDatasetId(modelDirectory: string): Promise<string | null> {
  try {
    const training = JSON.parse(await readFile(path.join(modelDirectory, FILES.training), 'utf8'))
    const id = (training as { source?: { datasetId?: unknown } } | null)?.source?.datasetId
    return typeof id === 'string' ? id : null
  } catch {
    // A model without a readable training.json still exports; it is named after itself.
    return null
  }
}

/** The subject of a model's exports: its dataset (or `datasetId`, newer data it forecast from). */
export async function exportSubject(
  session: ProjectSession,
  modelId: string,
  datasetId?: string,
): Promise<ExportSubject> {
  const model = session.manifest.models.find((record) => record.id === modelId)
  const id = datasetId ?? (await sourceDatasetId(await session.resolve(`models/${modelId}`)))
  const dataset = session.manifest.datasets.find((record) => record.id === id)
  if (!dataset) return { name: model?.name ?? 'model', frequency: null, utcOffsetMinutes: null }
  return {
    name: dataset.name,
    frequency: detectedFrequency(dataset),
    utcOffsetMinutes: datasetUtcOffset(dataset),
  }
}
