import Papa from 'papaparse'
import { CsvImportError } from './csv-import-error'
import type { Delimiter, LineEnding } from './types'

export type RowsHandler = (rows: string[][], mayHaveLineBreaksInFields: boolean) => void

/** Index just past the last line ending that lies outside quotes, or -1. */
function lastRowBoundary(text: string, lineEnding: LineEnding): number {
  const last = lineEnding.charCodeAt(lineEnding.length - 1)
  if (text.indexOf('"') < 0) {
    const at = text.lastIndexOf(lineEnding)
    return at < 0 ? -1 : at + lineEnding.length
  }
  let inQuotes = false
  let boundary = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) inQuotes = !inQuotes
    else if (c === last && !inQuotes) boundary = i + 1
  }
  return boundary
}

/**
 * Turns a stream of decoded text chunks into batches of parsed rows. Each batch is cut at a line
 * ending outside quotes and parsed by papaparse on its own, so only one chunk of text and one
 * batch of rows are alive at a time, however large the file.
 */
export class BlockSplitter {
  private carry = ''
  private parsedLines = 0

  constructor(
    private readonly delimiter: Delimiter,
    private readonly lineEnding: LineEnding,
    private readonly onRows: RowsHandler,
    private readonly fileName: string,
  ) {}

  push(chunk: string): void {
    const text = this.carry + chunk
    const boundary = lastRowBoundary(text, this.lineEnding)
    if (boundary < 0) {
      this.carry = text
      return
    }
    this.carry = text.slice(boundary)
    this.parse(text.slice(0, boundary - this.lineEnding.length))
  }

  finish(): void {
    if (this.carry.length > 0) this.parse(this.carry)
    this.carry = ''
  }

  private parse(block: string): void {
    const result = Papa.parse<string[]>(block, {
      delimiter: this.delimiter,
      newline: this.lineEnding,
      quoteChar: '"',
      header: false,
      skipEmptyLines: false,
    })
    const quoteError = result.errors.find((e) => e.type === 'Quotes')
    if (quoteError) {
      const line = this.parsedLines + (quoteError.row ?? 0) + 1
      throw new CsvImportError('BAD_QUOTES', this.fileName, 'a quoted field is not closed properly', line)
    }
    const mayHaveLineBreaks = block.indexOf('"') >= 0
    this.parsedLines += result.data.length
    this.onRows(result.data, mayHaveLineBreaks)
  }
}
