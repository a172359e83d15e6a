import { newDateParts, scanDateParts, utcMillis } from './date-parts'
import type { DateOrder, TimeFormat } from './types'

const TIME_HEADER =
  /(^|[^a-z])(date|time|timestamp|datetime|epoch|unix|period|day|month|year|jahr|datum|zeit|fecha|data|ann[ée]e|anno|a[ñn]o|ts)([^a-z]|$)/i
const YEAR_HEADER = /(^|[^a-z])(year|yr|jahr|ann[ée]e|anno|a[ñn]o|date|time|period)([^a-z]|$)/i
const EPOCH_HEADER = /(^|[^a-z])(time|timestamp|epoch|unix|ts|datetime|date)([^a-z]|$)/i

const EPOCH_SECONDS_MIN = 315_532_800 // 1980-01-01
const EPOCH_SECONDS_MAX = 4_102_444_800 // 2100-01-01

const parts = newDateParts()

export interface TimeColumnContext {
  header: string
  /** Epoch and year columns need a telling header, or to be the first column of a header-less file. */
  positionalHint: boolean
}

function isInteger(cell: string): boolean {
  return /^\s*\d+\s*$/.test(cell)
}

function integerFormat(cells: string[], context: TimeColumnContext): TimeFormat | null {
  const values = cells.map(Number)
  const within = (lo: number, hi: number) => values.every((v) => v >= lo && v <= hi)
  const hinted = (pattern: RegExp) => pattern.test(context.header) || context.positionalHint
  if (cells.every((c) => c.trim().length === 4) && within(1000, 2200) && hinted(YEAR_HEADER))
    return { kind: 'year' }
  if (!hinted(EPOCH_HEADER)) return null
  if (within(EPOCH_SECONDS_MIN, EPOCH_SECONDS_MAX)) return { kind: 'epochSeconds' }
  if (within(EPOCH_SECONDS_MIN * 1000, EPOCH_SECONDS_MAX * 1000)) return { kind: 'epochMillis' }
  return null
}

/** Share of sampled cells that must fit one date shape; the rest are reported with their line on import. */
const SHAPE_SHARE = 0.9

interface ShapeTally {
  ymd: number
  ym: number
  dayMonth: number
  dotted: number
  /** dayMonth cells whose first field is above 12 (so day first), and whose second is. */
  dayFirstEvidence: number
  monthFirstEvidence: number
}

function tallyShapes(cells: string[]): ShapeTally {
  const tally: ShapeTally = {
    ymd: 0,
    ym: 0,
    dayMonth: 0,
    dotted: 0,
    dayFirstEvidence: 0,
    monthFirstEvidence: 0,
  }
  for (const cell of cells) {
    if (!scanDateParts(cell, parts)) continue
    if (parts.aLength === 4 && parts.hasC && parts.cLength <= 2) tally.ymd++
    else if (parts.aLength === 4 && !parts.hasC && parts.separator !== 46 && !parts.hasTime) tally.ym++
    else if (parts.aLength <= 2 && parts.hasC && parts.cLength === 4) {
      tally.dayMonth++
      if (parts.separator === 46) tally.dotted++
      if (parts.a > 12) tally.dayFirstEvidence++
      if (parts.b > 12) tally.monthFirstEvidence++
    }
  }
  return tally
}

/** The order the values prove, `null` when every day and month are ≤ 12, `undefined` when neither works. */
export function orderFromMaxima(maxA: number, maxB: number): DateOrder | null | undefined {
  if (maxA > 12 && maxB > 12) return undefined
  if (maxA > 12) return 'dmy'
  if (maxB > 12) return 'mdy'
  return null
}

/** The order most cells prove; a stray cell proving the other is a bad date, reported on import. */
function orderFromEvidence(tally: ShapeTally): DateOrder | null | undefined {
  const { dayFirstEvidence: dmy, monthFirstEvidence: mdy } = tally
  // dd.mm.yyyy is the only convention in the countries that write dotted dates.
  if (dmy === 0 && mdy === 0) return tally.dotted === tally.dayMonth ? 'dmy' : null
  if (dmy === mdy) return undefined
  return dmy > mdy ? 'dmy' : 'mdy'
}

/** The time format (nearly) every non-missing sample cell of a column fits, or null when it is not a time column. */
export function detectTimeFormat(cells: string[], context: TimeColumnContext): TimeFormat | null {
  if (cells.length === 0) return null
  if (cells.every(isInteger)) return integerFormat(cells, context)
  const tally = tallyShapes(cells)
  const enough = (count: number) => count > 0 && count >= cells.length * SHAPE_SHARE
  if (enough(tally.ymd)) return { kind: 'ymd' }
  if (enough(tally.ym)) return TIME_HEADER.test(context.header) || cells.length > 1 ? { kind: 'ym' } : null
  if (!enough(tally.dayMonth)) return null
  const order = orderFromEvidence(tally)
  return order === undefined ? null : { kind: 'dayMonth', order }
}

/** Converts one cell to epoch ms UTC, or NaN when it does not fit the format. */
export function parseTimeCell(cell: string, format: TimeFormat, order: DateOrder = 'dmy'): number {
  switch (format.kind) {
    case 'year':
      return isInteger(cell) ? Date.UTC(Number(cell), 0, 1) : NaN
    case 'epochSeconds':
      return isInteger(cell) ? Number(cell) * 1000 : NaN
    case 'epochMillis':
      return isInteger(cell) ? Number(cell) : NaN
    default:
      return parseDateCell(cell, format, order)
  }
}

function parseDateCell(cell: string, format: TimeFormat, order: DateOrder): number {
  if (!scanDateParts(cell, parts)) return NaN
  if (format.kind === 'ymd') {
    return parts.aLength === 4 && parts.hasC ? utcMillis(parts.a, parts.b, parts.c, parts) : NaN
  }
  if (format.kind === 'ym')
    return parts.aLength === 4 && !parts.hasC ? utcMillis(parts.a, parts.b, 1, parts) : NaN
  if (!parts.hasC || parts.cLength !== 4 || parts.aLength > 2) return NaN
  return order === 'dmy'
    ? utcMillis(parts.c, parts.b, parts.a, parts)
    : utcMillis(parts.c, parts.a, parts.b, parts)
}

/** Formats whose cells may end in a zone; epoch numbers and years never do. */
const WRITES_ZONES: Record<TimeFormat['kind'], boolean> = {
  ymd: true,
  ym: true,
  dayMonth: true,
  year: false,
  epochSeconds: false,
  epochMillis: false,
}

/**
 * The zone offset a column's cells were written with, cell after cell: kept when every cell
 * writes the same one (e.g. 60 for `+01:00`), null when they write none or several (summer
 * time), so the app shows the file's times in its own zone, or says it uses UTC.
 */
export class ZoneTally {
  private zone: number | null | undefined = undefined

  constructor(private readonly format: TimeFormat) {}

  /** Notes the zone of the cell parseTimeCell read last. */
  noteLastParsed(): void {
    const written = WRITES_ZONES[this.format.kind] && parts.hasZone ? parts.offsetMinutes : null
    if (this.zone === undefined) this.zone = written
    else if (this.zone !== written) this.zone = null
  }

  get offset(): number | null {
    return this.zone ?? null
  }
}

/** Day/month maxima of a dayMonth cell, for settling the order once the whole column is read. */
export function dayMonthFields(cell: string): { a: number; b: number } | null {
  return scanDateParts(cell, parts) && parts.hasC && parts.aLength <= 2 ? { a: parts.a, b: parts.b } : null
}
