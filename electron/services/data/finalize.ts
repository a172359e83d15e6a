import { TimeColumnBuilder } from './column-builders'
import { CsvImportError } from './csv-import-error'
import { settleDateOrder } from './date-order'
import { collapseDuplicates, describeRuns, duplicateRuns } from './duplicates'
import { inferFrequency } from './frequency-inference'
import type { CsvLayout } from './layout'
import { handleMissing } from './missing-values'
import type { RowCollector } from './row-collector'
import { isSorted, stableTimeOrder } from './sort-rows'
import { pickRows, timeColumnIndex } from './table'
import type { Table } from './table'
import type {
  ColumnSummary,
  CsvImportOptions,
  DataColumn,
  DetectedFormat,
  ImportOutcome,
  ImportWarning,
  NeedsDecision,
  PendingDecision,
  TextEncodingName,
} from './types'

export interface DecodingFacts {
  encoding: TextEncodingName
  bom: boolean
}

function columnsOf(collector: RowCollector, useAlternateOrder: boolean): DataColumn[] {
  return collector.builders.map((b): DataColumn => {
    if (b.kind === 'text') return { name: b.name, kind: 'text', values: b.values }
    const source = b instanceof TimeColumnBuilder && useAlternateOrder ? b.alternate! : b.values
    return { name: b.name, kind: b.kind, values: source.toArray() }
  })
}

function detectedFormat(layout: CsvLayout, collector: RowCollector, decoding: DecodingFacts): DetectedFormat {
  const time = layout.columns.find((c) => c.kind === 'time')
  return {
    encoding: decoding.encoding,
    bom: decoding.bom,
    lineEnding: layout.lineEnding,
    delimiter: layout.delimiter,
    quoted: layout.quoted,
    decimalSeparator: layout.numberFormat.decimal,
    thousandsSeparator: layout.numberFormat.thousands,
    header: layout.header,
    commentLines: collector.commentLines,
    blankLines: collector.blankLines,
    timeColumn: time?.name ?? null,
    timeFormat: time?.timeFormat?.kind ?? null,
    ambiguousDateOrder: false,
    dateOrder: time?.timeFormat?.order ? { order: time.timeFormat.order, basis: 'values' } : null,
    frequency: null,
    utcOffsetMinutes: null,
  }
}

function missingCounts(collector: RowCollector): Record<string, number> {
  return Object.fromEntries(collector.builders.map((b) => [b.name, b.missing]))
}

function needsDecision(
  fileName: string,
  decisions: PendingDecision[],
  detected: DetectedFormat,
  collector: RowCollector,
): NeedsDecision {
  const columns: ColumnSummary[] = collector.builders.map((b) => ({
    name: b.name,
    kind: b.kind,
    missing: b.missing,
  }))
  return {
    status: 'needsDecision',
    fileName,
    decisions,
    detected,
    columns,
    rowCount: collector.rowCount,
    missing: missingCounts(collector),
  }
}

function formatDay(ms: number): string {
  const iso = new Date(ms).toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z')
}

function sortByTime(table: Table, warnings: ImportWarning[]): Table {
  if (!table.timestamps || isSorted(table.timestamps)) return table
  warnings.push({
    code: 'UNSORTED_ROWS',
    message: 'The rows were not in time order; they have been sorted by time.',
  })
  return pickRows(table, stableTimeOrder(table.timestamps))
}

type DuplicateStep = { table: Table } | { decision: PendingDecision }

function resolveDuplicates(
  table: Table,
  options: CsvImportOptions,
  fileName: string,
  warnings: ImportWarning[],
): DuplicateStep {
  if (!table.timestamps) return { table }
  const runs = duplicateRuns(table.timestamps)
  if (runs.length === 0) return { table }
  const groups = describeRuns(table, runs)
  const extraRows = runs.reduce((sum, [start, end]) => sum + end - start - 1, 0)
  const first = groups[0]
  const summary =
    `${runs.length === 1 ? 'One timestamp occurs' : `${runs.length} timestamps occur`} more than once, ` +
    `first ${formatDay(first.timestampMs)} on lines ${first.lines.join(', ')}`
  if (options.duplicates === 'refuse') {
    throw new CsvImportError(
      'DUPLICATE_TIMESTAMPS',
      fileName,
      `duplicate timestamp ${formatDay(first.timestampMs)}`,
      first.lines[1],
    )
  }
  if (!options.duplicates) {
    const message = `${summary}. Keep the last row, average them, or refuse the file.`
    return { decision: { kind: 'duplicateTimestamps', message, groups, totalDuplicateRows: extraRows } }
  }
  const how = options.duplicates === 'average' ? 'averaged' : 'reduced to the last row of each'
  warnings.push({ code: 'DUPLICATES_MERGED', message: `${summary}; they were ${how}.` })
  return { table: collapseDuplicates(table, options.duplicates) }
}

function noteMissingHandling(options: CsvImportOptions, changed: number, warnings: ImportWarning[]): void {
  if (changed === 0) return
  if (options.missing === 'dropRows') {
    warnings.push({ code: 'ROWS_DROPPED', message: `${changed} row(s) with missing values were dropped.` })
  } else {
    warnings.push({
      code: 'MISSING_FILLED',
      message: `${changed} missing value(s) were filled (${options.missing}).`,
    })
  }
}

/** A forecast learns from values and the ones after them: one row has nothing to learn from. */
const MIN_ROWS = 2

function refuseSingleRow(lines: ArrayLike<number>, fileName: string, after: string): void {
  if (lines.length === 0 || lines.length >= MIN_ROWS) return
  const problem = `is the only row of data${after}; a series needs at least ${MIN_ROWS} rows to be forecast`
  throw new CsvImportError('TOO_FEW_ROWS', fileName, problem, lines[0])
}

/** Turns collected rows into the final outcome: settle dates, sort, resolve duplicates, fill gaps, infer frequency. */
export function finalizeImport(
  collector: RowCollector,
  layout: CsvLayout,
  decoding: DecodingFacts,
  options: CsvImportOptions,
  fileName: string,
): ImportOutcome {
  if (collector.rowCount === 0)
    throw new CsvImportError('NO_DATA_ROWS', fileName, 'has a header but no rows of data')
  refuseSingleRow(collector.lines.toArray(), fileName, '')
  const detected = detectedFormat(layout, collector, decoding)
  const warnings: ImportWarning[] = []
  const timeBuilder = collector.builders.find((b) => b instanceof TimeColumnBuilder)
  detected.utcOffsetMinutes = timeBuilder?.writtenOffset ?? null
  let useAlternateOrder = false
  if (timeBuilder?.isOrderOpen) {
    const verdict = settleDateOrder(timeBuilder, options)
    detected.ambiguousDateOrder = verdict.ambiguous
    detected.dateOrder = verdict.resolution
    if (!verdict.resolution) {
      const message =
        `The dates in column ${timeBuilder.name} (e.g. ${timeBuilder.examples.slice(0, 3).join(', ')}) ` +
        'read as day/month or month/day; choose the order.'
      const decision: PendingDecision = {
        kind: 'ambiguousDateOrder',
        message,
        column: timeBuilder.name,
        examples: timeBuilder.examples,
      }
      return needsDecision(fileName, [decision], detected, collector)
    }
    useAlternateOrder = verdict.resolution.order === 'mdy'
    if (verdict.ambiguous && verdict.resolution.basis !== 'option') {
      const words = verdict.resolution.order === 'dmy' ? 'day/month/year' : 'month/day/year'
      warnings.push({
        code: 'DATE_ORDER_GUESSED',
        message: `Dates read as ${words} (judged by ${verdict.resolution.basis}).`,
      })
    }
  }
  const columns = columnsOf(collector, useAlternateOrder)
  const t = timeColumnIndex(columns)
  let table: Table = {
    columns,
    timestamps: t < 0 ? null : (columns[t].values as Float64Array),
    lines: collector.lines.toArray(),
  }
  table = sortByTime(table, warnings)
  const deduplicated = resolveDuplicates(table, options, fileName, warnings)
  if ('decision' in deduplicated) return needsDecision(fileName, [deduplicated.decision], detected, collector)
  const handled = handleMissing(deduplicated.table, options.missing ?? 'none', fileName)
  noteMissingHandling(options, handled.changed, warnings)
  table = handled.table
  refuseSingleRow(table.lines, fileName, ' left once rows were dropped or merged')
  const frequency = table.timestamps ? inferFrequency(table.timestamps) : null
  detected.frequency = frequency
  if (frequency?.irregular) {
    const share = Math.round(frequency.irregularShare * 100)
    warnings.push({
      code: 'IRREGULAR',
      message: `The time steps are irregular: ${share}% of gaps do not fit the detected spacing.`,
    })
  }
  const dataset = {
    fileName,
    columns: table.columns,
    timestamps: table.timestamps,
    rowCount: table.lines.length,
    detected,
    warnings,
    missing: missingCounts(collector),
  }
  return { status: 'ok', dataset }
}
