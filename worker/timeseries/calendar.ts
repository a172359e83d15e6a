import type { Frequency } from './frequency'

/**
 * Calendar arithmetic on epoch-ms UTC timestamps. Lives in worker/ (and not in the CSV importer)
 * because the worker also runs in the browser and must not depend on electron/.
 */

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const WEEK = 7 * DAY

const FIXED_UNIT_MS: Partial<Record<Frequency['unit'], number>> = {
  second: SECOND,
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  week: WEEK,
}

/** Whole number of steps in a cycle, or 1 when the cycle is not a whole number of steps. */
function stepsPer(cycle: number, stepLength: number): number {
  const steps = cycle / stepLength
  return Number.isInteger(steps) && steps > 1 ? steps : 1
}

/**
 * The primary seasonal period m: the daily cycle for sub-daily data, the week for days,
 * the year for weeks, months and quarters; 1 for annual data (no seasonality, as in R).
 * Weekly cycles of sub-daily data (e.g. 336 half-hours) are offered by `seasonalPeriods`.
 */
export function seasonalPeriod(freq: Frequency): number {
  return seasonalPeriods(freq)[0]
}

/** Every sensible seasonal period, shortest cycle first (always at least one entry). */
export function seasonalPeriods(freq: Frequency): number[] {
  const step = Math.max(1, freq.step)
  switch (freq.unit) {
    case 'second':
    case 'minute':
    case 'hour': {
      const ms = FIXED_UNIT_MS[freq.unit]! * step
      const periods = [stepsPer(DAY, ms), stepsPer(WEEK, ms)].filter((p) => p > 1)
      return periods.length > 0 ? periods : [1]
    }
    case 'day':
      return [stepsPer(7, step)]
    case 'businessDay':
      return [stepsPer(5, step)]
    case 'week':
      return [stepsPer(52, step)]
    case 'month':
      return [stepsPer(12, step)]
    case 'quarter':
      return [stepsPer(4, step)]
    case 'year':
      return [1]
  }
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()
}

/** Adds whole months keeping the day of month, clamped to the target month's length (Jan 31 + 1 → Feb 28/29). */
function addMonths(tsMs: number, months: number): number {
  const d = new Date(tsMs)
  const totalMonths = d.getUTCFullYear() * 12 + d.getUTCMonth() + months
  const year = Math.floor(totalMonths / 12)
  const month = totalMonths - year * 12
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month))
  const timeOfDay = tsMs - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
  return Date.UTC(year, month, day) + timeOfDay
}

function isWeekend(tsMs: number): boolean {
  const dow = new Date(tsMs).getUTCDay()
  return dow === 0 || dow === 6
}

/**
 * Moves by business days. A start on a weekend first snaps to the neighbouring business day in the
 * direction of travel and counts that as the first step, so Saturday + 1 is Monday.
 */
function addBusinessDays(tsMs: number, days: number): number {
  if (days === 0) return tsMs
  const direction = Math.sign(days)
  let remaining = Math.abs(days)
  let ts = tsMs
  // Whole weeks are exact jumps of 7 calendar days whenever we stand on a business day.
  if (!isWeekend(ts)) {
    const weeks = Math.floor((remaining - 1) / 5)
    ts += direction * weeks * WEEK
    remaining -= weeks * 5
  }
  while (remaining > 0) {
    ts += direction * DAY
    if (!isWeekend(ts)) remaining--
  }
  return ts
}

/** The timestamp k steps of `freq` after (or before, k < 0) tsMs; calendar-aware for months, quarters, years. */
export function addSteps(tsMs: number, freq: Frequency, k: number): number {
  const steps = k * Math.max(1, freq.step)
  switch (freq.unit) {
    case 'month':
      return addMonths(tsMs, steps)
    case 'quarter':
      return addMonths(tsMs, 3 * steps)
    case 'year':
      return addMonths(tsMs, 12 * steps)
    case 'businessDay':
      return addBusinessDays(tsMs, steps)
    default:
      return tsMs + steps * FIXED_UNIT_MS[freq.unit]!
  }
}

/** The h timestamps that follow lastTs; each is computed from lastTs so month-end days never drift. */
export function futureTimestamps(lastTs: number, freq: Frequency, h: number): Float64Array {
  const out = new Float64Array(h)
  for (let k = 1; k <= h; k++) out[k - 1] = addSteps(lastTs, freq, k)
  return out
}
