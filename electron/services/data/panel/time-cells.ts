import { CsvImportError } from '../csv-import-error'
import { detectTimeFormat, parseTimeCell } from '../time-format'
import type { DataColumn } from '../types'

/**
 * Dates of a panel's time column, read after the import kept it as text (a panel repeats each
 * date once per series, which the single-series importer would take for duplicates).
 */

const SAMPLE = 200
/** Distinct date cells remembered (a million hourly stamps would not be worth the memory). */
const MAX_CACHED = 200_000

/** The first SAMPLE non-empty cells, without walking the whole column. */
function sampleOf(cells: string[]): string[] {
  const sample: string[] = []
  for (let i = 0; i < cells.length && sample.length < SAMPLE; i++)
    if (cells[i].trim() !== '') sample.push(cells[i])
  return sample
}

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
    // Numbers are read as epochs or years only from their first cells: no need to stringify them all.
    const sample =
      column.kind === 'text'
        ? sampleOf(column.values)
        : Array.from(column.values.subarray(0, SAMPLE), (v) => String(v))
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
  const sample = sampleOf(cells)
  const format = detectTimeFormat(sample, { header: column.name, positionalHint: false })
  if (!format)
    throw new CsvImportError('BAD_TIMESTAMP', fileName, `column ${column.name} does not hold dates or times`)
  const times = new Float64Array(cells.length)
  // A long panel repeats each date once per series: parse each distinct cell once.
  const seen = new Map<string, number>()
  for (let i = 0; i < cells.length; i++) {
    let time = seen.get(cells[i])
    if (time === undefined) {
      time = parseTimeCell(cells[i].trim(), format, format.order ?? 'dmy')
      if (seen.size < MAX_CACHED) seen.set(cells[i], time)
    }
    times[i] = time
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
