import { importCsv, type CsvDataset } from '../data/index'
import type { SeriesInput } from '../../../worker/pipeline/index'
import { CodedError } from '../storage/index'

export type SeriesLoadCode = 'CSV_NEEDS_DECISION' | 'COLUMN_NOT_FOUND' | 'COLUMN_NOT_NUMERIC'

export interface SeriesColumns {
  /** The columns the model forecasts, in its order. */
  targets: string[]
  pastCovariates?: string[]
  futureCovariates?: string[]
  period?: number
}

function numericColumn(dataset: CsvDataset, name: string): Float64Array {
  const column = dataset.columns.find((candidate) => candidate.name === name)
  if (!column) {
    const names = dataset.columns.map((c) => c.name).join(', ')
    throw new CodedError<SeriesLoadCode>(
      'COLUMN_NOT_FOUND',
      `No column "${name}" in ${dataset.fileName} (${names})`,
    )
  }
  if (column.kind !== 'numeric')
    throw new CodedError<SeriesLoadCode>('COLUMN_NOT_NUMERIC', `Column "${name}" is not numeric`)
  return column.values
}

/** The pipeline's view of an imported dataset: the target(s), named covariates, time and frequency. */
export function seriesFromDataset(dataset: CsvDataset, columns: SeriesColumns): SeriesInput {
  const named = (names: string[] = []) =>
    names.map((name) => ({ name, values: numericColumn(dataset, name) }))
  return {
    targets: named(columns.targets),
    pastCovariates: named(columns.pastCovariates),
    futureCovariates: named(columns.futureCovariates),
    timestamps: dataset.timestamps,
    frequency: dataset.detected.frequency?.frequency ?? null,
    period: columns.period,
  }
}

/** Imports a CSV and extracts the series, refusing files that need a human decision. */
export async function loadSeries(path: string, columns: SeriesColumns): Promise<SeriesInput> {
  const outcome = await importCsv(path)
  if (outcome.status !== 'ok') {
    const why = outcome.decisions.map((decision) => decision.message).join('; ')
    throw new CodedError<SeriesLoadCode>(
      'CSV_NEEDS_DECISION',
      `${path} needs a decision before import: ${why}`,
    )
  }
  return seriesFromDataset(outcome.dataset, columns)
}
