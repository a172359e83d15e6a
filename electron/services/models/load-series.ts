import { importCsv, type CsvDataset } from '../data/index'
import type { SeriesInput } from '../../../worker/pipeline/index'
import { CodedError } from '../storage/index'
import {
  seriesInput,
  type SeriesColumnCode,
  type SeriesColumns as ColumnsOfSeries,
} from '../forecasting/series-input'

export type SeriesLoadCode = 'CSV_NEEDS_DECISION' | SeriesColumnCode

export type SeriesColumns = Omit<ColumnsOfSeries, 'timestamps' | 'frequency'>

/** The pipeline's view of an imported CSV: the target(s), named covariates, time and frequency. */
export function seriesFromDataset(dataset: CsvDataset, columns: SeriesColumns): SeriesInput {
  return seriesInput(
    { label: dataset.fileName, columns: dataset.columns },
    { ...columns, timestamps: dataset.timestamps, frequency: dataset.detected.frequency?.frequency ?? null },
  )
}

/** Imports a CSV and extracts the series, refusing files that need a human decision. */
export async function loadSeries(path: string, columns: SeriesColumns): Promise<SeriesInput> {
  return (await loadZonedSeries(path, columns)).series
}

/**
 * The series and the zone offset its file wrote its times in (minutes east of UTC; null: UTC),
 * so what is written back (a forecast CSV) keeps the file's clock.
 */
export async function loadZonedSeries(
  path: string,
  columns: SeriesColumns,
): Promise<{ series: SeriesInput; utcOffsetMinutes: number | null }> {
  const outcome = await importCsv(path)
  if (outcome.status !== 'ok') {
    const why = outcome.decisions.map((decision) => decision.message).join('; ')
    throw new CodedError<SeriesLoadCode>(
      'CSV_NEEDS_DECISION',
      `${path} needs a decision before import: ${why}`,
    )
  }
  return {
    series: seriesFromDataset(outcome.dataset, columns),
    utcOffsetMinutes: outcome.dataset.detected.utcOffsetMinutes,
  }
}
