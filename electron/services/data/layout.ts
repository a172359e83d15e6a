import { positionalNames, uniqueColumnNames } from './column-names'
import { CsvImportError } from './csv-import-error'
import { newDateParts, scanDateParts } from './date-parts'
import { detectDelimiter, detectLineEnding, isSkippableRow, parseRows } from './dialect'
import { isMissingCell } from './missing-tokens'
import { detectNumberFormat, looksNumeric, parseNumber } from './number-format'
import type { NumberFormat } from './number-format'
import { detectTimeFormat } from './time-format'
import type { ColumnKind, CsvImportOptions, Delimiter, LineEnding, TimeFormat } from './types'

const SAMPLE_ROWS = 2000
const HEADER_PROBE_ROWS = 50
/** A column is numeric when at least this share of its non-missing sample cells are numbers. */
const NUMERIC_SHARE = 0.8

export interface ColumnPlan {
  name: string
  kind: ColumnKind
  timeFormat: TimeFormat | null
}

/** Everything decided from the head of the file before the full pass. */
export interface CsvLayout {
  lineEnding: LineEnding
  delimiter: Delimiter
  quoted: boolean
  commentPrefix: string | null
  header: boolean
  numberFormat: NumberFormat
  columns: ColumnPlan[]
  /** Up to SAMPLE_ROWS data rows of the sample (no header, blanks or comments). */
  sampleRows: string[][]
}

type CellType = 'missing' | 'number' | 'time' | 'text'
const scratchParts = newDateParts()

function cellType(cell: string): CellType {
  if (isMissingCell(cell)) return 'missing'
  if (looksNumeric(cell)) return 'number'
  return scanDateParts(cell, scratchParts) ? 'time' : 'text'
}

/** A first row is a header when it has words where the rows below have numbers or dates. */
function looksLikeHeader(rows: string[][]): boolean {
  const first = rows[0].map(cellType)
  const body = rows.slice(1, HEADER_PROBE_ROWS + 1)
  if (body.length === 0) return first.every((t) => t === 'text')
  const typedBelow = (j: number) => {
    const types = body.map((row) => cellType(row[j] ?? '')).filter((t) => t !== 'missing')
    return types.length > 0 && types.filter((t) => t === 'number' || t === 'time').length >= types.length / 2
  }
  if (first.some((t, j) => t === 'text' && typedBelow(j))) return true
  return first.every((t) => t === 'text')
}

function columnCells(rows: string[][], j: number): string[] {
  const cells: string[] = []
  for (const row of rows) {
    const cell = row[j]
    if (cell !== undefined && !isMissingCell(cell)) cells.push(cell)
  }
  return cells
}

function isNumericColumn(cells: string[], format: NumberFormat): boolean {
  if (cells.length === 0) return false
  const numbers = cells.filter((c) => parseNumber(c, format) !== null).length
  return numbers > 0 && numbers >= cells.length * NUMERIC_SHARE
}

function findColumn(names: string[], wanted: string, fileName: string): number {
  let index = names.indexOf(wanted)
  if (index < 0) index = names.findIndex((n) => n.toLowerCase() === wanted.trim().toLowerCase())
  if (index < 0) throw new CsvImportError('BAD_OPTION', fileName, `there is no column named "${wanted}"`)
  return index
}

function chooseTimeColumn(
  names: string[],
  rows: string[][],
  header: boolean,
  options: CsvImportOptions,
  fileName: string,
): { index: number; format: TimeFormat } | null {
  if (options.timeColumn === null) return null
  const formatOf = (j: number) =>
    detectTimeFormat(columnCells(rows, j), {
      header: header ? names[j] : '',
      positionalHint: !header && j === 0,
    })
  if (options.timeColumn !== undefined) {
    const index = findColumn(names, options.timeColumn, fileName)
    const format = formatOf(index)
    if (!format)
      throw new CsvImportError(
        'BAD_TIMESTAMP',
        fileName,
        `column ${names[index]} does not hold dates or times`,
      )
    return { index, format }
  }
  for (let j = 0; j < names.length; j++) {
    const format = formatOf(j)
    if (format) return { index: j, format }
  }
  return null
}

function numberFormatFor(
  rows: string[][],
  delimiter: Delimiter,
  skip: number,
  options: CsvImportOptions,
): NumberFormat {
  const cells: string[] = []
  for (const row of rows) row.forEach((cell, j) => j !== skip && looksNumeric(cell) && cells.push(cell))
  const detected = detectNumberFormat(cells, delimiter)
  const decimal = options.decimalSeparator ?? detected.decimal
  let thousands = options.thousandsSeparator !== undefined ? options.thousandsSeparator : detected.thousands
  if (thousands === decimal) thousands = null
  return { decimal, thousands }
}

/**
 * Cuts a sample that stops mid-file back to its last complete line, unless that would leave
 * the first line alone: when the next line is longer than the sample (a field of millions of
 * characters), its start is all there is to judge the columns by.
 */
function completeLines(text: string, isWholeFile: boolean, lineEnding: LineEnding): string {
  if (isWholeFile) return text
  const cut = text.lastIndexOf(lineEnding)
  return cut > text.indexOf(lineEnding) ? text.slice(0, cut) : text
}

/** Reads the dialect, header and column kinds off the first part of the decoded text. */
export function analyseSample(
  sampleText: string,
  isWholeFile: boolean,
  options: CsvImportOptions,
  fileName: string,
): CsvLayout {
  const lineEnding = detectLineEnding(sampleText)
  const text = completeLines(sampleText, isWholeFile, lineEnding)
  const commentPrefix = options.commentPrefix === undefined ? '#' : options.commentPrefix
  const delimiter = options.delimiter ?? detectDelimiter(text, lineEnding, commentPrefix)
  const rows = parseRows(text, delimiter, lineEnding, SAMPLE_ROWS + 1).filter(
    (r) => !isSkippableRow(r, commentPrefix),
  )
  if (rows.length === 0) throw new CsvImportError('NO_DATA_ROWS', fileName, 'has no rows of data')
  const header = options.header ?? looksLikeHeader(rows)
  const names = header ? uniqueColumnNames(rows[0]) : positionalNames(rows[0].length)
  const body = header ? rows.slice(1) : rows
  const time = chooseTimeColumn(names, body, header, options, fileName)
  const numberFormat = numberFormatFor(body, delimiter, time?.index ?? -1, options)
  const columns: ColumnPlan[] = names.map((name, j) => {
    if (time && time.index === j) return { name, kind: 'time', timeFormat: time.format }
    const kind = isNumericColumn(columnCells(body, j), numberFormat) ? 'numeric' : 'text'
    return { name, kind, timeFormat: null }
  })
  return {
    lineEnding,
    delimiter,
    quoted: text.includes('"'),
    commentPrefix,
    header,
    numberFormat,
    columns,
    sampleRows: body,
  }
}
