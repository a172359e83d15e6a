import type { SeriesInput } from '../../../worker/pipeline/index'
import { detectedFrequency } from '../../api/dataset-period'
import type { DatasetRecord, ProjectSession } from '../projects'
import { readColumnarCache } from '../projects'
import { CodedError } from '../storage'

/** The columns a network reads: what it forecasts and what helps it. */
export interface SeriesChoice {
  targets: string[]
  covariates: string[]
}

/**
 * The pipeline's view of a dataset: the target(s), covariates split by role (a column marked
 * `futureCovariate` is known ahead; any other chosen covariate only up to now), timestamps
 * from the `time` column and the frequency detected at import.
 */
export async function datasetSeries(
  session: ProjectSession,
  record: DatasetRecord,
  choice: SeriesChoice,
): Promise<SeriesInput> {
  if (!record.cacheFile)
    throw new CodedError('CACHE_MISSING', `Dataset "${record.name}" has no parsed cache; import it again`)
  const table = await readColumnarCache(await session.resolve(record.cacheFile))
  const numeric = (name: string): Float64Array => {
    const column = table.columns.find((candidate) => candidate.name === name)
    if (!column) throw new CodedError('COLUMN_NOT_FOUND', `Dataset "${record.name}" has no column "${name}"`)
    if (column.kind !== 'number')
      throw new CodedError('COLUMN_NOT_NUMERIC', `Column "${name}" is not numeric`)
    return column.values
  }
  const timeColumn = Object.keys(record.columnRoles).find((name) => record.columnRoles[name] === 'time')
  const named = (names: string[]) => names.map((name) => ({ name, values: numeric(name) }))
  const covariates = choice.covariates.filter((name) => !choice.targets.includes(name))
  return {
    targets: named(choice.targets),
    pastCovariates: named(covariates.filter((name) => record.columnRoles[name] !== 'futureCovariate')),
    futureCovariates: named(covariates.filter((name) => record.columnRoles[name] === 'futureCovariate')),
    timestamps: timeColumn ? numeric(timeColumn) : null,
    frequency: detectedFrequency(record),
  }
}

export function findDataset(session: ProjectSession, datasetId: string): DatasetRecord {
  const record = session.manifest.datasets.find((dataset) => dataset.id === datasetId)
  if (!record) throw new CodedError('NOT_FOUND', `No dataset with id "${datasetId}" in this project`)
  return record
}
