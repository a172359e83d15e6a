import type { DecimalSeparator, Delimiter, ThousandsSeparator } from './types'

export interface NumberFormat {
  decimal: DecimalSeparator
  thousands: ThousandsSeparator | null
}

const DIGIT_0 = 48
const DIGIT_9 = 57
const PLUS = 43
const MINUS = 45
const SPACE = 32
const NBSP = 0xa0
const NARROW_NBSP = 0x202f
const LOWER_E = 101
const UPPER_E = 69

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9
}

function isBlank(c: number): boolean {
  return c === SPACE || c === 9
}

/** Spreadsheets group thousands with no-break spaces; they all count as the space separator. */
function normalisedSeparatorCode(c: number): number {
  return c === NBSP || c === NARROW_NBSP ? SPACE : c
}

const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k)
/** Up to 15 digits the mantissa is an exact integer, so mantissa / 10^k rounds exactly like Number(). */
const MAX_EXACT_DIGITS = 15

/**
 * The common shape "-123.45" read directly, without building a string; NaN means "not this shape",
 * not "missing". Long mantissas fall back to Number() for correct rounding.
 */
function plainDotDecimal(cell: string): number {
  const n = cell.length
  const negative = n > 0 && cell.charCodeAt(0) === MINUS
  let mantissa = 0
  let digits = 0
  let fractionDigits = 0
  let seenDot = false
  for (let i = negative ? 1 : 0; i < n; i++) {
    const c = cell.charCodeAt(i)
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      mantissa = mantissa * 10 + (c - DIGIT_0)
      digits++
      if (seenDot) fractionDigits++
    } else if (c === 46 && !seenDot) seenDot = true
    else return NaN
  }
  if (digits === 0) return NaN
  if (digits > MAX_EXACT_DIGITS) return Number(cell)
  const magnitude = fractionDigits === 0 ? mantissa : mantissa / EXACT_POWERS_OF_TEN[fractionDigits]
  return negative ? -magnitude : magnitude
}

/**
 * Parses one cell under a number format, or returns null when it is not a number. A hand scanner
 * validates the shape (optional sign, digit groups of three, one decimal mark, exponent) so that
 * no regex runs per cell; the value itself comes from Number() for exact rounding.
 */
export function parseNumber(cell: string, format: NumberFormat): number | null {
  if (format.decimal === '.') {
    const plain = plainDotDecimal(cell)
    if (plain === plain) return plain
  }
  let start = 0
  let end = cell.length
  while (start < end && isBlank(cell.charCodeAt(start))) start++
  while (end > start && isBlank(cell.charCodeAt(end - 1))) end--
  if (start === end) return null
  const decimalCode = format.decimal.charCodeAt(0)
  const thousandsCode = format.thousands === null ? -1 : format.thousands.charCodeAt(0)
  let i = start
  const first = cell.charCodeAt(i)
  if (first === PLUS || first === MINUS) i++
  let intDigits = 0
  let groupDigits = 0
  let groups = 0
  let clean = decimalCode === 46 && start === 0 && end === cell.length
  for (; i < end; i++) {
    const c = normalisedSeparatorCode(cell.charCodeAt(i))
    if (isDigit(c)) {
      intDigits++
      groupDigits++
    } else if (c === thousandsCode) {
      if ((groups === 0 && (groupDigits === 0 || groupDigits > 3)) || (groups > 0 && groupDigits !== 3))
        return null
      groups++
      groupDigits = 0
      clean = false
    } else break
  }
  if (groups > 0 && groupDigits !== 3) return null
  let fracDigits = 0
  if (i < end && cell.charCodeAt(i) === decimalCode) {
    i++
    while (i < end && isDigit(cell.charCodeAt(i))) {
      i++
      fracDigits++
    }
  }
  if (intDigits + fracDigits === 0) return null
  if (i < end && (cell.charCodeAt(i) === LOWER_E || cell.charCodeAt(i) === UPPER_E)) {
    i++
    if (i < end && (cell.charCodeAt(i) === PLUS || cell.charCodeAt(i) === MINUS)) i++
    const expStart = i
    while (i < end && isDigit(cell.charCodeAt(i))) i++
    if (i === expStart) return null
  }
  if (i !== end) return null
  if (clean) return Number(cell)
  return Number(canonicalNumberText(cell.slice(start, end), decimalCode, thousandsCode))
}

function canonicalNumberText(text: string, decimalCode: number, thousandsCode: number): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (normalisedSeparatorCode(c) === thousandsCode) continue
    out += c === decimalCode ? '.' : text[i]
  }
  return out
}

/** Loose shape test used before the format is known: digits with separators, maybe a sign and exponent. */
export function looksNumeric(cell: string): boolean {
  return /^\s*[+-]?(\d[\d.,' \u00a0\u202f]*|[.,]\d+)([eE][+-]?\d+)?\s*$/.test(cell) && /\d/.test(cell)
}

interface SeparatorEvidence {
  decimalDot: number
  decimalComma: number
  thousands: Map<ThousandsSeparator, number>
}

function addThousands(evidence: SeparatorEvidence, sep: ThousandsSeparator): void {
  evidence.thousands.set(sep, (evidence.thousands.get(sep) ?? 0) + 1)
}

function countChar(text: string, ch: string): number {
  let n = 0
  for (const c of text) if (c === ch) n++
  return n
}

/** What one cell says about the separators; "1,234" alone says nothing for sure. */
function weighCell(cell: string, evidence: SeparatorEvidence): void {
  const text = cell.trim().replace(/[\u00a0\u202f]/g, ' ')
  const lastDot = text.lastIndexOf('.')
  const lastComma = text.lastIndexOf(',')
  if (/\d[ ]\d{3}/.test(text)) addThousands(evidence, ' ')
  if (/\d'\d{3}/.test(text)) addThousands(evidence, "'")
  if (lastDot >= 0 && lastComma >= 0) {
    if (lastComma > lastDot) {
      evidence.decimalComma++
      addThousands(evidence, '.')
    } else {
      evidence.decimalDot++
      addThousands(evidence, ',')
    }
    return
  }
  for (const [mark, isComma] of [
    [lastComma, true],
    [lastDot, false],
  ] as const) {
    if (mark < 0) continue
    const digitsAfter = text.length - mark - 1 - (text.slice(mark + 1).match(/[eE].*$/)?.[0].length ?? 0)
    if (countChar(text, isComma ? ',' : '.') > 1) addThousands(evidence, isComma ? ',' : '.')
    else if (digitsAfter !== 3) {
      if (isComma) evidence.decimalComma++
      else evidence.decimalDot++
    }
  }
}

/** Undecided "100,000"-style cells: a comma is a thousands mark in comma-delimited files, else a decimal mark. */
function ambiguousCommaMeansThousands(cells: string[], delimiter: Delimiter): boolean {
  return delimiter === ',' && cells.some((c) => /^\s*[+-]?\d{1,3},\d{3}\s*$/.test(c))
}

/** Decides the decimal and thousands separators of a file from its numeric-looking cells. */
export function detectNumberFormat(cells: string[], delimiter: Delimiter): NumberFormat {
  const evidence: SeparatorEvidence = { decimalDot: 0, decimalComma: 0, thousands: new Map() }
  for (const cell of cells) weighCell(cell, evidence)
  let decimal: DecimalSeparator
  if (evidence.decimalComma !== evidence.decimalDot) {
    decimal = evidence.decimalComma > evidence.decimalDot ? ',' : '.'
  } else if (cells.some((c) => c.includes(','))) {
    decimal = ambiguousCommaMeansThousands(cells, delimiter) ? '.' : ','
  } else decimal = '.'
  const candidates = [...evidence.thousands.entries()].filter(([sep]) => sep !== decimal)
  candidates.sort((a, b) => b[1] - a[1])
  let thousands = candidates.length > 0 ? candidates[0][0] : null
  if (thousands === null && decimal === '.' && cells.some((c) => c.includes(','))) thousands = ','
  if (thousands === null && decimal === ',' && cells.some((c) => /\d\.\d{3}(\D|$)/.test(c))) thousands = '.'
  return { decimal, thousands }
}
