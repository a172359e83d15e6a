export type CsvImportErrorCode =
  | 'EMPTY_FILE'
  | 'NO_DATA_ROWS'
  | 'TOO_FEW_ROWS'
  | 'NOT_TEXT'
  | 'NO_NUMERIC_COLUMN'
  | 'RAGGED_ROW'
  | 'BAD_NUMBER'
  | 'NUMBER_OUT_OF_RANGE'
  | 'BAD_TIMESTAMP'
  | 'BAD_QUOTES'
  | 'BAD_OPTION'
  | 'DUPLICATE_TIMESTAMPS'
  | 'READ_FAILED'
  | 'CANCELLED'
  | 'INTERNAL'

/**
 * The one way a CSV import is refused. The message is meant to be shown to the analyst as is:
 * it names the file, the line when one applies, and the problem in plain words.
 */
export class CsvImportError extends Error {
  override readonly name = 'CsvImportError'

  constructor(
    readonly code: CsvImportErrorCode,
    readonly fileName: string,
    readonly problem: string,
    readonly line: number | null = null,
    /** Facts of the problem beyond the file and line, e.g. `{ column: 'sales', cell: '"7,0x"' }`. */
    readonly facts: Record<string, string> = {},
  ) {
    super(line === null ? `${fileName}: ${problem}` : `${fileName}, line ${line}: ${problem}`)
  }

  /** The file, the line and the facts as data, for screens that say the problem in their own language. */
  get details(): Record<string, string> {
    return { file: this.fileName, ...(this.line === null ? {} : { line: String(this.line) }), ...this.facts }
  }
}

const SHOWN_CELL_CHARS = 40

/** A cell as a message quotes it: long ones are cut and their length given, never printed whole. */
export function quoteCell(cell: string): string {
  if (cell.length <= SHOWN_CELL_CHARS) return `"${cell}"`
  return `"${cell.slice(0, SHOWN_CELL_CHARS)}…" (${cell.length.toLocaleString('en')} characters)`
}

/** Anything unexpected still reaches the user as one CsvImportError, never as a raw exception. */
export function asCsvImportError(error: unknown, fileName: string): CsvImportError {
  if (error instanceof CsvImportError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new CsvImportError('INTERNAL', fileName, `could not be imported (${detail})`)
}
