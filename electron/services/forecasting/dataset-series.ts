import type { SeriesInput } from '../../../worker/pipeline/index'
import { detectedFrequency } from '../../api/dataset-period'
import type { DatasetRecord, ProjectSession } from '../projects'
import { readColumnarCache } from '../projects'
import { CodedError } from '../storage'
import { numericColumn, seriesInput } from './series-input'

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
  if (record.panel)
    throw new CodedError(
      'PANEL_DATASET',
      `Dataset "${record.name}" is a panel of ${record.panel.seriesCount} series: train one global model on it from the Panel screen`,
    )
  if (!record.cacheFile)
    throw new CodedError('CACHE_MISSING', `Dataset "${record.name}" has no parsed cache; import it again`, {
      details: { name: record.name },
    })
  const table = await readColumnarCache(await session.resolve(record.cacheFile))
  const source = { label: `dataset "${record.name}"`, columns: table.columns }
  const timeColumn = Object.keys(record.columnRoles).find((name) => record.columnRoles[name] === 'time')
  const covariates = choice.covariates.filter((name) => !choice.targets.includes(name))
  const knownAhead = (name: string) => record.columnRoles[name] === 'futureCovariate'
  return seriesInput(source, {
    targets: choice.targets,
    pastCovariates: covariates.filter((name) => !knownAhead(name)),
    futureCovariates: covariates.filter(knownAhead),
    timestamps: timeColumn ? numericColumn(source, timeColumn) : null,
    frequency: detectedFrequency(record),
  })
}

export function findDataset(session: ProjectSession, datasetId: string): DatasetRecord {
  const record = session.manifest.datasets.find((dataset) => dataset.id === datasetId)
  if (!record) throw new CodedError('NOT_FOUND', `No dataset with id "${datasetId}" in this project`)
  return record
}
