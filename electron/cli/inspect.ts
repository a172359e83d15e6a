import { seasonalPeriod } from '../../worker/timeseries/calendar'
import { CsvImportError, importCsv } from '../services/data'
import type {
  ColumnSummary,
  CsvImportOptions,
  DetectedFormat,
  ImportOutcome,
  ImportWarning,
} from '../services/data'

export interface InspectIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

const USAGE = 'usage: lstm-studio inspect FILE [--json] [--date-order=dmy|mdy] [--locale=TAG]\n'

interface InspectArgs {
  file: string
  json: boolean
  options: CsvImportOptions
}

function parseArgs(argv: string[]): InspectArgs | string {
  const files: string[] = []
  const options: CsvImportOptions = {}
  let json = false
  for (const arg of argv) {
    if (arg === '--json') json = true
    else if (arg === '--date-order=dmy' || arg === '--date-order=mdy')
      options.dateOrder = arg.endsWith('dmy') ? 'dmy' : 'mdy'
    else if (arg.startsWith('--locale=')) options.localeHint = arg.slice('--locale='.length)
    else if (arg.startsWith('-')) return `unknown option ${arg}`
    else files.push(arg)
  }
  if (files.length !== 1) return files.length === 0 ? 'missing FILE' : 'give exactly one FILE'
  return { file: files[0], json, options }
}

/** One summary shape for both outcomes, so text and JSON output stay in step. */
interface Report {
  file: string
  status: 'ok' | 'needsDecision'
  detected: DetectedFormat
  rowCount: number
  columns: ColumnSummary[]
  seasonalPeriod: number | null
  warnings: ImportWarning[]
  decisions: string[]
}

function reportOf(outcome: ImportOutcome): Report {
  if (outcome.status === 'needsDecision') {
    return {
      file: outcome.fileName,
      status: outcome.status,
      detected: outcome.detected,
      rowCount: outcome.rowCount,
      columns: outcome.columns,
      seasonalPeriod: null,
      warnings: [],
      decisions: outcome.decisions.map((d) => d.message),
    }
  }
  const { dataset } = outcome
  const frequency = dataset.detected.frequency?.frequency
  return {
    file: dataset.fileName,
    status: 'ok',
    detected: dataset.detected,
    rowCount: dataset.rowCount,
    columns: dataset.columns.map((c) => ({
      name: c.name,
      kind: c.kind,
      missing: dataset.missing[c.name] ?? 0,
    })),
    seasonalPeriod: frequency ? seasonalPeriod(frequency) : null,
    warnings: dataset.warnings,
    decisions: [],
  }
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }
const LINE_ENDING_NAMES: Record<string, string> = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' }

function formatLine(d: DetectedFormat): string {
  const parts = [
    `${d.encoding.toUpperCase()}${d.bom ? ' with BOM' : ''}`,
    `${DELIMITER_NAMES[d.delimiter]}-separated`,
    `${LINE_ENDING_NAMES[d.lineEnding]} line endings`,
    d.header ? 'header row' : 'no header row',
    `decimal '${d.decimalSeparator}'`,
    d.thousandsSeparator ? `thousands '${d.thousandsSeparator}'` : 'no thousands separator',
  ]
  return parts.join(', ')
}

function frequencyLine(report: Report): string {
  const inference = report.detected.frequency
  if (!report.detected.timeColumn) return 'none (no time column: rows are equally spaced steps)'
  if (!inference) return 'not determined'
  const period = report.seasonalPeriod === null ? '' : `, seasonal period ${report.seasonalPeriod}`
  const irregular = inference.irregular
    ? ` (${Math.round(inference.irregularShare * 100)}% of gaps off the grid)`
    : ''
  return `${inference.label}${period}${irregular}`
}

function textReport(report: Report): string {
  const d = report.detected
  const width = Math.max(6, ...report.columns.map((c) => c.name.length))
  const lines = [
    `File:      ${report.file}`,
    `Format:    ${formatLine(d)}`,
    `Rows:      ${report.rowCount}`,
    `Time:      ${d.timeColumn ? `${d.timeColumn} (${d.timeFormat}${d.dateOrder ? `, ${d.dateOrder.order}` : ''})` : 'none'}`,
    `Frequency: ${frequencyLine(report)}`,
    'Columns:',
    ...report.columns.map((c) => `  ${c.name.padEnd(width)}  ${c.kind.padEnd(7)}  missing ${c.missing}`),
    ...report.warnings.map((w) => `Warning:   ${w.message}`),
    ...report.decisions.map((message) => `Decide:    ${message}`),
  ]
  return lines.join('\n') + '\n'
}

/** `lstm-studio inspect FILE [--json]`: 0 when read, 1 on a usage error, 2 when the file is refused. */
export async function runInspect(argv: string[], io: InspectIo): Promise<number> {
  const args = parseArgs(argv)
  if (typeof args === 'string') {
    io.stderr.write(`lstm-studio inspect: ${args}\n${USAGE}`)
    return 1
  }
  try {
    const report = reportOf(await importCsv(args.file, args.options))
    io.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : textReport(report))
    return 0
  } catch (error) {
    const message = error instanceof CsvImportError ? error.message : `${args.file}: ${String(error)}`
    io.stderr.write(`${message}\n`)
    return 2
  }
}
