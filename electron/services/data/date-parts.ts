/**
 * A hand-written scanner for the date shapes CSV exports use, run once per cell on large files,
 * so it avoids regexes and allocations: results land in a reused `DateParts` object.
 *
 * Grammar: A sep B [sep C] [(T|space) hh:mm[:ss[.fff]] [AM|PM]] [Z | UTC | GMT | [UTC]±hh[:mm]]
 * where A, B, C are digit runs and sep is one of - / .
 */
export interface DateParts {
  a: number
  aLength: number
  b: number
  c: number
  cLength: number
  hasC: boolean
  separator: number
  hasTime: boolean
  /** Milliseconds since midnight. */
  timeOfDay: number
  /** Zone offset in minutes east of UTC; 0 when no zone is written (taken as UTC). */
  offsetMinutes: number
  /** A zone (Z, UTC, GMT or ±hh:mm) was written after the time. */
  hasZone: boolean
}

export function newDateParts(): DateParts {
  return {
    a: 0,
    aLength: 0,
    b: 0,
    c: 0,
    cLength: 0,
    hasC: false,
    separator: 0,
    hasTime: false,
    timeOfDay: 0,
    offsetMinutes: 0,
    hasZone: false,
  }
}

const DASH = 45
const SLASH = 47
const DOT = 46
const COLON = 58

let pos = 0
let runLength = 0

/** Digits consumed by the last readDigits (a function so the compiler does not pin its value). */
function run(): number {
  return runLength
}

function readDigits(s: string, max: number): number {
  let value = 0
  runLength = 0
  while (pos < s.length && runLength < max) {
    const c = s.charCodeAt(pos)
    if (c < 48 || c > 57) break
    value = value * 10 + (c - 48)
    pos++
    runLength++
  }
  return value
}

function readTime(s: string, out: DateParts): boolean {
  const hours = readDigits(s, 2)
  if (run() === 0 || s.charCodeAt(pos) !== COLON) return false
  pos++
  const minutes = readDigits(s, 2)
  if (run() !== 2 || hours > 24 || minutes > 59) return false
  let seconds = 0
  let millis = 0
  if (s.charCodeAt(pos) === COLON) {
    pos++
    seconds = readDigits(s, 2)
    if (run() !== 2 || seconds > 60) return false
    if (s.charCodeAt(pos) === DOT || s.charCodeAt(pos) === 44) {
      pos++
      const fraction = readDigits(s, 9)
      if (run() === 0) return false
      millis = Math.round((fraction / 10 ** run()) * 1000)
    }
  }
  const hours24 = readMeridiem(s, hours)
  if (hours24 < 0) return false
  out.hasTime = true
  out.timeOfDay = ((hours24 * 60 + minutes) * 60 + seconds) * 1000 + millis
  return true
}

/** US spreadsheet exports write "3:05 PM": returns the 24-hour hour, or -1 for an impossible one. */
function readMeridiem(s: string, hours: number): number {
  let at = pos
  while (s.charCodeAt(at) === 32) at++
  const marker = s.slice(at, at + 2).toUpperCase()
  if (marker !== 'AM' && marker !== 'PM') return hours
  if (hours < 1 || hours > 12) return -1
  pos = at + 2
  return (hours % 12) + (marker === 'PM' ? 12 : 0)
}

function readZone(s: string, out: DateParts): boolean {
  if (pos < s.length && s.charCodeAt(pos) === 32) pos++
  const word = s.slice(pos, pos + 3)
  const named = word === 'UTC' || word === 'GMT'
  if (named) pos += 3
  const c = s.charCodeAt(pos)
  if (c === 90 || c === 122) {
    pos++
    out.hasZone = true
    return true
  }
  if (c !== 43 && c !== DASH) {
    out.hasZone = named
    return pos === s.length
  }
  pos++
  out.hasZone = true
  const hours = readDigits(s, 2)
  if (run() !== 2) return false
  if (s.charCodeAt(pos) === COLON) pos++
  const minutes = pos < s.length ? readDigits(s, 2) : 0
  out.offsetMinutes = (c === DASH ? -1 : 1) * (hours * 60 + minutes)
  return true
}

/** Fills `out` and returns true when the whole (trimmed) cell matches the grammar. */
export function scanDateParts(cell: string, out: DateParts): boolean {
  const s =
    cell.length > 0 && (cell.charCodeAt(0) === 32 || cell.charCodeAt(cell.length - 1) === 32)
      ? cell.trim()
      : cell
  pos = 0
  out.hasC = false
  out.hasTime = false
  out.timeOfDay = 0
  out.offsetMinutes = 0
  out.hasZone = false
  out.a = readDigits(s, 4)
  out.aLength = run()
  if (run() === 0) return false
  const sep = s.charCodeAt(pos)
  if (sep !== DASH && sep !== SLASH && sep !== DOT) return false
  out.separator = sep
  pos++
  out.b = readDigits(s, 2)
  if (run() === 0) return false
  if (s.charCodeAt(pos) === sep) {
    pos++
    out.c = readDigits(s, 4)
    out.cLength = run()
    if (run() === 0) return false
    out.hasC = true
  }
  if (pos === s.length) return true
  const joiner = s.charCodeAt(pos)
  if (!out.hasC || (joiner !== 84 && joiner !== 32 && joiner !== 116)) return false
  pos++
  while (s.charCodeAt(pos) === 32) pos++
  if (!readTime(s, out)) return false
  if (!readZone(s, out)) return false
  return pos === s.length
}

function daysInMonth(year: number, month1: number): number {
  if (month1 === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month1 === 4 || month1 === 6 || month1 === 9 || month1 === 11 ? 30 : 31
}

/** Epoch ms for a calendar date plus the scanned time and zone, or NaN when the date does not exist. */
export function utcMillis(year: number, month1: number, day: number, parts: DateParts): number {
  if (month1 < 1 || month1 > 12 || day < 1 || day > daysInMonth(year, month1)) return NaN
  return Date.UTC(year, month1 - 1, day) + parts.timeOfDay - parts.offsetMinutes * 60_000
}
