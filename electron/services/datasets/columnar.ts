import type { DatasetSeries } from '../../api/requests/data'
import type { CsvDataset } from '../data'
import type { ColumnarDataset, ColumnRole } from '../projects'

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
        : { name: column.name, kind: 'number' as const, values: column.values },
    ),
  }
}

/** What charts and training read: numeric columns with their roles, and the time axis if any. */
export function toSeries(
  datasetId: string,
  table: ColumnarDataset,
  roles: Record<string, ColumnRole>,
): DatasetSeries {
  const timeColumn = Object.keys(roles).find((name) => roles[name] === 'time') ?? null
  const time = table.columns.find((column) => column.name === timeColumn && column.kind === 'number')
  return {
    datasetId,
    timeColumn: time ? time.name : null,
    timestamps: time ? Array.from(time.values as Float64Array) : null,
    columns: table.columns
      .filter((column) => column.kind === 'number' && column !== time)
      .map((column) => ({
        name: column.name,
        role: roles[column.name] ?? null,
        values: Array.from(column.values as Float64Array, (v) => (Number.isFinite(v) ? v : null)),
      })),
  }
}
