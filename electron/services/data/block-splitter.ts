import Papa from 'papaparse'
import { CsvImportError } from './csv-import-error'
import type { Delimiter, LineEnding } from './types'

export type RowHandler = (row: string[], mayHaveLineBreaksInFields: boolean) => void

/**
 * Text is handed to papaparse in pieces this small, row by row through `step`, so rows die young:
 * retaining a whole megabyte of parsed rows made garbage collection the main cost of an import.
 */
const PIECE_CHARS = 1 << 16

interface QuoteScan {
  /** Index just past the last line ending outside quotes, or -1. */
  boundary: number
  /** Whether the text ends inside a quoted field. */
  endsInQuotes: boolean
}

function scanQuotes(text: string, startsInQuotes: boolean, lineEnding: LineEnding): QuoteScan {
  const last = lineEnding.charCodeAt(lineEnding.length - 1)
  let inQuotes = startsInQuotes
  let boundary = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) inQuotes = !inQuotes
    else if (c === last && !inQuotes) boundary = i + 1
  }
  return { boundary, endsInQuotes: inQuotes }
}

/**
 * Turns a stream of decoded text chunks into parsed rows. Text is cut at line endings outside
 * quotes and each piece is parsed by papaparse on its own, so only one chunk of text and a few rows
 * are alive at a time, however large the file.
 *
 * Quote-free text (the common, large case) is cut with native searches on slices of the chunk:
 * concatenating the carried-over partial line onto every piece made V8 re-flatten strings and
 * cost more than the parsing itself.
 */
export class BlockSplitter {
  private carry = ''
  private carryEndsInQuotes = false
  private parsedRows = 0

  constructor(
    private readonly delimiter: Delimiter,
    private readonly lineEnding: LineEnding,
    private readonly onRow: RowHandler,
    private readonly fileName: string,
  ) {}

  push(chunk: string): void {
    if (chunk.length === 0) return
    if (chunk.indexOf('"') >= 0 || this.carry.indexOf('"') >= 0) this.pushQuoted(chunk)
    else this.pushPlain(chunk)
  }

  finish(): void {
    if (this.carry.length > 0) this.parse(this.carry)
    this.carry = ''
  }

  private pushPlain(chunk: string): void {
    const newline = this.lineEnding
    let start = 0
    if (this.carry.length > 0) {
      const first = chunk.indexOf(newline)
      if (first < 0) {
        this.carry += chunk
        return
      }
      this.parse(this.carry + chunk.slice(0, first))
      start = first + newline.length
    }
    const lastNewline = chunk.lastIndexOf(newline)
    if (lastNewline < start) {
      this.carry = chunk.slice(start)
      return
    }
    while (start < lastNewline) {
      let end =
        start + PIECE_CHARS >= lastNewline ? lastNewline : chunk.lastIndexOf(newline, start + PIECE_CHARS)
      if (end < start) end = chunk.indexOf(newline, start + PIECE_CHARS)
      this.parse(chunk.slice(start, end))
      start = end + newline.length
    }
    if (start === lastNewline) this.parse('')
    this.carry = chunk.slice(lastNewline + newline.length)
  }

  /** Scans only the new piece (never carry + piece, see above), keeping the quote state across pieces. */
  private pushQuoted(chunk: string): void {
    for (let at = 0; at < chunk.length; at += PIECE_CHARS) {
      const piece = chunk.slice(at, at + PIECE_CHARS)
      const { boundary, endsInQuotes } = scanQuotes(piece, this.carryEndsInQuotes, this.lineEnding)
      this.carryEndsInQuotes = endsInQuotes
      if (boundary < 0) {
        this.carry += piece
        continue
      }
      const cut = boundary - this.lineEnding.length
      // A CRLF split across pieces leaves its CR at the end of the carry.
      const block = cut < 0 ? this.carry.slice(0, cut) : this.carry + piece.slice(0, cut)
      this.carry = piece.slice(boundary)
      this.parse(block)
    }
  }

  private parse(block: string): void {
    const mayHaveLineBreaks = block.indexOf('"') >= 0
    Papa.parse<string[]>(block, {
      delimiter: this.delimiter,
      newline: this.lineEnding,
      quoteChar: '"',
      header: false,
      skipEmptyLines: false,
      step: (result) => {
        this.parsedRows++
        if (result.errors.some((e) => e.type === 'Quotes')) {
          throw new CsvImportError(
            'BAD_QUOTES',
            this.fileName,
            'a quoted field is not closed properly',
            this.parsedRows,
          )
        }
        this.onRow(result.data, mayHaveLineBreaks)
      },
    })
  }
}
