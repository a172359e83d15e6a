import type { SeriesInput } from '../../../worker/pipeline/index'
import type { Frequency } from '../../../worker/timeseries/frequency'
import { CodedError } from '../storage'

export type SeriesColumnCode = 'COLUMN_NOT_FOUND' | 'COLUMN_NOT_NUMERIC'

/** Parsed columns, as the CSV importer and the project's columnar cache both hold them. */
export interface ColumnSource {
  /** How a message names the source: a file name, or `dataset "Sales"`. */
  label: string
  columns: ReadonlyArray<{ name: string; kind: string; values: unknown }>
}

/** A numeric column by name, or a coded error that names the source, the column and the ones there are. */
export function numericColumn(source: ColumnSource, name: string): Float64Array {
  const column = source.columns.find((candidate) => candidate.name === name)
  if (!column) {
    const names = source.columns.map((c) => c.name).join(', ')
    throw new CodedError<SeriesColumnCode>(
      'COLUMN_NOT_FOUND',
      `No column "${name}" in ${source.label} (${names})`,
    )
  }
  if (column.kind !== 'numeric')
    throw new CodedError<SeriesColumnCode>(
      'COLUMN_NOT_NUMERIC',
      `Column "${name}" of ${source.label} is not numeric`,
    )
  return column.values as Float64Array
}

export interface SeriesColumns {
  /** The columns the model forecasts, in its order. */
  targets: string[]
  /** Covariates known only up to now, and those known ahead. */
  pastCovariates?: string[]
  futureCovariates?: string[]
  timestamps: Float64Array | null
  frequency: Frequency | null
  period?: number
}

/**
 * The pipeline's view of parsed columns: the one place a series is built from a table, for the
 * command line (a CSV file) and the app (a dataset's columnar cache) alike.
 */
export function seriesInput(source: ColumnSource, columns: SeriesColumns): SeriesInput {
  const named = (names: string[] = []) => names.map((name) => ({ name, values: numericColumn(source, name) }))
  return {
    targets: named(columns.targets),
    pastCovariates: named(columns.pastCovariates),
    futureCovariates: named(columns.futureCovariates),
    timestamps: columns.timestamps,
    frequency: columns.frequency,
    ...(columns.period !== undefined ? { period: columns.period } : {}),
  }
}
