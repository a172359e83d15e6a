import { CsvImportError } from '../csv-import-error'
import { detectTimeFormat, parseTimeCell } from '../time-format'
import type { DataColumn } from '../types'

/**
 * Dates of a panel's time column, read after the import kept it as text (a panel repeats each
 * date once per series, which the single-series importer would take for duplicates).
 */

const SAMPLE = 200

function cellsOf(column: DataColumn): string[] {
  return column.kind === 'text' ? column.values : Array.from(column.values, (v) => String(v))
}

/** The first column (or the named one) whose cells are dates. */
export function findTimeColumn(columns: DataColumn[], fileName: string, name?: string): DataColumn {
  const candidates = name ? columns.filter((c) => c.name === name) : columns
  if (name && candidates.length === 0)
    throw new CsvImportError(
      'BAD_OPTION',
      fileName,
      `has no column named ${name} (columns: ${columns.map((c) => c.name).join(', ')})`,
    )
  for (const column of candidates) {
    const sample = cellsOf(column)
      .filter((c) => c.trim() !== '')
      .slice(0, SAMPLE)
    if (detectTimeFormat(sample, { header: column.name, positionalHint: false })) return column
  }
  throw new CsvImportError(
    'BAD_TIMESTAMP',
    fileName,
    name ? `column ${name} does not hold dates or times` : 'has no column of dates or times',
  )
}

/** Epoch-ms UTC of every row; a cell that is not a date is refused with its line. */
export function parseTimes(column: DataColumn, fileName: string): Float64Array {
  const cells = cellsOf(column)
  const sample = cells.filter((c) => c.trim() !== '').slice(0, SAMPLE)
  const format = detectTimeFormat(sample, { header: column.name, positionalHint: false })
  if (!format)
    throw new CsvImportError('BAD_TIMESTAMP', fileName, `column ${column.name} does not hold dates or times`)
  const times = new Float64Array(cells.length)
  for (let i = 0; i < cells.length; i++) {
    times[i] = parseTimeCell(cells[i].trim(), format, format.order ?? 'dmy')
    // Line numbers count the header as line 1.
    if (!Number.isFinite(times[i]))
      throw new CsvImportError(
        'BAD_TIMESTAMP',
        fileName,
        `"${cells[i]}" in column ${column.name} is not a date`,
        i + 2,
      )
  }
  return times
}
