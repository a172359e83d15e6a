import Papa from 'papaparse'
import type { Delimiter, LineEnding } from './types'

/** Tried in this order, so on a tie the less common but more deliberate delimiters win ("1,5;2,5"). */
const DELIMITER_CANDIDATES: Delimiter[] = ['\t', ';', '|', ',']
const DELIMITER_SAMPLE_ROWS = 200

export function detectLineEnding(text: string): LineEnding {
  const lf = text.indexOf('\n')
  const cr = text.indexOf('\r')
  if (cr >= 0 && (lf < 0 || cr < lf)) return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r'
  return '\n'
}

/** Blank rows and comment rows carry no data and are skipped (but still counted as lines). */
export function isSkippableRow(row: string[], commentPrefix: string | null): boolean {
  const first = row[0]
  if (row.length === 1 && first.trim() === '') return true
  if (commentPrefix === null || first === undefined) return false
  // Called for every row of large files: only look closer when the first character could start a comment.
  const c = first.charCodeAt(0)
  if (c !== commentPrefix.charCodeAt(0) && c !== 32 && c !== 9) return false
  return first.trimStart().startsWith(commentPrefix)
}

export function parseRows(text: string, delimiter: Delimiter, newline: LineEnding, preview = 0): string[][] {
  return Papa.parse<string[]>(text, { delimiter, newline, quoteChar: '"', header: false, preview }).data
}

function fieldCounts(
  text: string,
  delimiter: Delimiter,
  newline: LineEnding,
  commentPrefix: string | null,
): number[] {
  return parseRows(text, delimiter, newline, DELIMITER_SAMPLE_ROWS)
    .filter((row) => !isSkippableRow(row, commentPrefix))
    .map((row) => row.length)
}

function modeShare(counts: number[]): { mode: number; share: number } {
  const tally = new Map<number, number>()
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1)
  let mode = 1
  let best = 0
  for (const [count, times] of tally) {
    if (times > best || (times === best && count > mode)) {
      mode = count
      best = times
    }
  }
  return { mode, share: counts.length === 0 ? 0 : best / counts.length }
}

/**
 * The delimiter that splits the sample lines (quotes respected) into the same number of fields,
 * more than one. A single-column file falls back to a comma.
 */
export function detectDelimiter(text: string, newline: LineEnding, commentPrefix: string | null): Delimiter {
  let best: Delimiter = ','
  let bestShare = 0
  for (const candidate of DELIMITER_CANDIDATES) {
    const { mode, share } = modeShare(fieldCounts(text, candidate, newline, commentPrefix))
    if (mode > 1 && share > bestShare + 1e-9) {
      best = candidate
      bestShare = share
    }
  }
  return best
}
