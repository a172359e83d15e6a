import type { DatasetSeries } from '../../api/requests/data'
import type { CsvDataset } from '../data'
import type { ColumnarDataset, ColumnRole } from '../projects'
import { lttbIndices } from '../../../worker/timeseries/lttb'

/** The imported table in the project's cache shape: timestamps as a numeric column (epoch ms). */
export function toColumnar(dataset: CsvDataset): ColumnarDataset {
  return {
    rowCount: dataset.rowCount,
    columns: dataset.columns.map((column) =>
      column.kind === 'text'
        ? {
            name: column.name,
            kind: 'text' as const,
            values: column.values.map((v) => (v === '' ? null : v)),
          }
        : { name: column.name, kind: 'numeric' as const, values: column.values },
    ),
  }
}

export interface SeriesWindow {
  start?: number
  end?: number
  /** Thin the rows to at most this many (LTTB on the target column) so a chart stays fluid. */
  maxPoints?: number
}

/** What charts read: numeric columns with their roles, and the time axis if any. */
export function toSeries(
  datasetId: string,
  table: ColumnarDataset,
  roles: Record<string, ColumnRole>,
  window: SeriesWindow = {},
): DatasetSeries {
  const timeColumn = Object.keys(roles).find((name) => roles[name] === 'time') ?? null
  const time = table.columns.find((column) => column.name === timeColumn && column.kind === 'numeric')
  const numeric = table.columns.filter((column) => column.kind === 'numeric' && column !== time)
  const start = Math.min(window.start ?? 0, table.rowCount)
  const end = Math.max(start, Math.min(window.end ?? table.rowCount, table.rowCount))
  const lead = numeric.find((column) => roles[column.name] === 'target') ?? numeric[0]
  const x = time ? (time.values as Float64Array) : Float64Array.from({ length: table.rowCount }, (_, i) => i)
  const rows = lead
    ? lttbIndices(x, lead.values as Float64Array, start, end, window.maxPoints ?? end - start)
    : Int32Array.from({ length: end - start }, (_, i) => start + i)
  const pick = (values: Float64Array) =>
    Array.from(rows, (row) => (Number.isFinite(values[row]) ? values[row]! : null))
  return {
    datasetId,
    rowCount: table.rowCount,
    start,
    decimated: rows.length < end - start,
    timeColumn: time ? time.name : null,
    timestamps: time ? Array.from(rows, (row) => (time.values as Float64Array)[row]!) : null,
    columns: numeric.map((column) => ({
      name: column.name,
      role: roles[column.name] ?? null,
      values: pick(column.values as Float64Array),
    })),
  }
}
