import type { Frequency, Timestamps } from '../../../worker/timeseries/frequency'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1'
export type Delimiter = ',' | ';' | '\t' | '|'
export type DecimalSeparator = '.' | ','
export type ThousandsSeparator = ',' | '.' | ' ' | "'"
export type LineEnding = '\r\n' | '\n' | '\r'
export type DateOrder = 'dmy' | 'mdy'
export type DuplicatePolicy = 'keepLast' | 'average' | 'refuse'
export type MissingPolicy = 'none' | 'interpolate' | 'forwardFill' | 'dropRows'

/** Every detected setting can be forced; anything left undefined is detected from the file. */
export interface CsvImportOptions {
  encoding?: TextEncodingName
  delimiter?: Delimiter
  decimalSeparator?: DecimalSeparator
  /** `null` forces "no thousands separator". */
  thousandsSeparator?: ThousandsSeparator | null
  header?: boolean
  /** Lines starting with this are skipped; `null` disables comments. Default `#`. */
  commentPrefix?: string | null
  /** Name of the time column; `null` forces "no time column" (equally spaced steps). */
  timeColumn?: string | null
  /** Resolves dd/mm vs mm/dd when the values themselves cannot. */
  dateOrder?: DateOrder
  /** BCP 47 locale (e.g. `en-US`) used for the date order when neither data nor spacing decides. */
  localeHint?: string
  /** What to do with rows sharing a timestamp; undefined ⇒ a `needsDecision` outcome. */
  duplicates?: DuplicatePolicy
  missing?: MissingPolicy
}

export interface ImportControl {
  onProgress?(fractionDone: number, rowsSoFar: number): void
  signal?: AbortSignal
}

export type TimeFormatKind = 'ymd' | 'ym' | 'dayMonth' | 'year' | 'epochSeconds' | 'epochMillis'

export interface TimeFormat {
  kind: TimeFormatKind
  /** For `dayMonth`: the order when known from the sample; `null` while still ambiguous. */
  order?: DateOrder | null
}

export interface DateOrderResolution {
  order: DateOrder
  basis: 'values' | 'spacing' | 'option' | 'locale' | 'convention'
}

export interface DetectedFormat {
  encoding: TextEncodingName
  bom: boolean
  lineEnding: LineEnding
  delimiter: Delimiter
  quoted: boolean
  decimalSeparator: DecimalSeparator
  thousandsSeparator: ThousandsSeparator | null
  header: boolean
  commentLines: number
  blankLines: number
  timeColumn: string | null
  timeFormat: TimeFormatKind | null
  /** True when the day/month order could not be read off the values alone. */
  ambiguousDateOrder: boolean
  dateOrder: DateOrderResolution | null
  /** Spacing of the timestamps after sorting and duplicate handling; null without a time column. */
  frequency: FrequencyInference | null
  /**
   * The zone offset (minutes east of UTC) written on every timestamp, e.g. 60 for `+01:00`:
   * the app shows the file's times in it. Null when none is written or several are (UTC is used).
   */
  utcOffsetMinutes: number | null
}

export type ColumnKind = 'time' | 'numeric' | 'text'

export type DataColumn =
  | { name: string; kind: 'time' | 'numeric'; values: Float64Array }
  | { name: string; kind: 'text'; values: string[] }

export interface ImportWarning {
  code:
    | 'UNSORTED_ROWS'
    | 'DUPLICATES_MERGED'
    | 'MISSING_FILLED'
    | 'ROWS_DROPPED'
    | 'DATE_ORDER_GUESSED'
    | 'IRREGULAR'
  message: string
}

export interface FrequencyInference {
  /** `null` when there are fewer than two distinct timestamps. */
  frequency: Frequency | null
  irregular: boolean
  /** Share of gaps that are not a whole number of steps. */
  irregularShare: number
  /** Gaps spanning more than one step (missing observations). */
  skippedSteps: number
  /** Plain words for the UI, e.g. "monthly", "30-minute", "business-daily", "irregular daily". */
  label: string
}

export interface CsvDataset {
  fileName: string
  columns: DataColumn[]
  timestamps: Timestamps
  rowCount: number
  detected: DetectedFormat
  warnings: ImportWarning[]
  /** Missing cells per column, counted before any handling. */
  missing: Record<string, number>
}

/** The name other services already use for an imported dataset. */
export type ImportedDataset = CsvDataset

export interface DuplicateGroup {
  timestampMs: number
  /** 1-based physical line numbers, in file order. */
  lines: number[]
}

export type PendingDecision =
  | { kind: 'duplicateTimestamps'; message: string; groups: DuplicateGroup[]; totalDuplicateRows: number }
  | { kind: 'ambiguousDateOrder'; message: string; column: string; examples: string[] }

export interface ColumnSummary {
  name: string
  kind: ColumnKind
  missing: number
}

/** The file is fine but the analyst has to choose; re-run with the option named in each decision. */
export interface NeedsDecision {
  status: 'needsDecision'
  fileName: string
  decisions: PendingDecision[]
  detected: DetectedFormat
  columns: ColumnSummary[]
  rowCount: number
  missing: Record<string, number>
}

export type ImportOutcome = { status: 'ok'; dataset: CsvDataset } | NeedsDecision
