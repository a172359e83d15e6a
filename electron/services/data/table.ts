import { permuteNumbers, permuteStrings } from './sort-rows'
import type { DataColumn } from './types'

/** The parsed rows as columns, with the file line each row came from (for messages). */
export interface Table {
  columns: DataColumn[]
  /** The time column's values (same array), or null without a time column. */
  timestamps: Float64Array | null
  lines: Int32Array
}

export function timeColumnIndex(columns: DataColumn[]): number {
  return columns.findIndex((c) => c.kind === 'time')
}

/** A new table holding the rows at `rowIndices`, in that order. */
export function pickRows(table: Table, rowIndices: Uint32Array): Table {
  const columns: DataColumn[] = table.columns.map((column) =>
    column.kind === 'text'
      ? { name: column.name, kind: 'text', values: permuteStrings(column.values, rowIndices) }
      : { name: column.name, kind: column.kind, values: permuteNumbers(column.values, rowIndices) },
  )
  const t = timeColumnIndex(columns)
  return {
    columns,
    timestamps: t < 0 ? null : (columns[t].values as Float64Array),
    lines: permuteNumbers(table.lines, rowIndices),
  }
}

export function rowCountOf(table: Table): number {
  return table.lines.length
}
