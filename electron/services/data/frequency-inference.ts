import type { Frequency } from '../../../worker/timeseries/frequency'
import { frequencyLabel } from './frequency-label'
import type { FrequencyInference } from './types'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const WEEK = 7 * DAY
/** Above this share of gaps that are not whole steps, the series is reported irregular. */
const IRREGULAR_SHARE = 0.05

function modalValue(values: ArrayLike<number>): number {
  const tally = new Map<number, number>()
  let best = values[0]
  let bestCount = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    const count = (tally.get(v) ?? 0) + 1
    tally.set(v, count)
    if (count > bestCount || (count === bestCount && v < best)) {
      best = v
      bestCount = count
    }
  }
  return best
}

function isNearMonthEnd(date: Date): boolean {
  const next = new Date(date.getTime() + 3 * DAY)
  return next.getUTCMonth() !== date.getUTCMonth()
}

/**
 * Whole calendar months between two timestamps, or NaN when the second is not "the same point"
 * of a later month: same time of day and day of month (within 3 days), or both at a month end.
 */
function calendarMonthsBetween(a: number, b: number): number {
  const da = new Date(a)
  const db = new Date(b)
  if (a % DAY !== b % DAY) return NaN
  const months = db.getUTCFullYear() * 12 + db.getUTCMonth() - (da.getUTCFullYear() * 12 + da.getUTCMonth())
  const sameDay = Math.abs(db.getUTCDate() - da.getUTCDate()) <= 3
  return months >= 1 && (sameDay || (isNearMonthEnd(da) && isNearMonthEnd(db))) ? months : NaN
}

function monthBased(months: number): Frequency {
  if (months % 12 === 0) return { unit: 'year', step: months / 12 }
  // Only a 3-month step reads as quarterly; 6 months is "6-month", as analysts call it.
  if (months === 3) return { unit: 'quarter', step: 1 }
  return { unit: 'month', step: months }
}

function isWeekend(ts: number): boolean {
  const dow = new Date(ts).getUTCDay()
  return dow === 0 || dow === 6
}

/** Business days between two weekday timestamps, or NaN when either falls on a weekend. */
function businessDaysBetween(a: number, b: number): number {
  if (isWeekend(a) || isWeekend(b) || (b - a) % DAY !== 0) return NaN
  const days = (b - a) / DAY
  const weeks = Math.floor(days / 7)
  let count = weeks * 5
  for (let ts = a + weeks * WEEK; ts < b; ts += DAY) if (!isWeekend(ts + DAY)) count++
  return count
}

function fixedDuration(ms: number): Frequency {
  if (ms % WEEK === 0) return { unit: 'week', step: ms / WEEK }
  if (ms % DAY === 0) return { unit: 'day', step: ms / DAY }
  if (ms % HOUR === 0) return { unit: 'hour', step: ms / HOUR }
  if (ms % MINUTE === 0) return { unit: 'minute', step: ms / MINUTE }
  return { unit: 'second', step: Math.max(1, Math.round(ms / SECOND)) }
}

interface Candidate {
  frequency: Frequency
  /** Steps between two timestamps in this frequency (NaN when not a whole number). */
  stepsBetween(a: number, b: number): number
}

function candidateFor(times: Float64Array, modalGap: number): Candidate {
  if (modalGap >= 28 * DAY) {
    const months = modalValue(gapsOf(times, calendarMonthsBetween).filter((m) => !Number.isNaN(m)))
    if (months !== undefined && !Number.isNaN(months)) {
      return { frequency: monthBased(months), stepsBetween: (a, b) => calendarMonthsBetween(a, b) / months }
    }
  }
  if (modalGap === DAY && times.every((t) => !isWeekend(t)) && plainGaps(times).some((g) => g === 3 * DAY)) {
    return { frequency: { unit: 'businessDay', step: 1 }, stepsBetween: businessDaysBetween }
  }
  return { frequency: fixedDuration(modalGap), stepsBetween: (a, b) => (b - a) / modalGap }
}

function plainGaps(times: Float64Array): Float64Array {
  const out = new Float64Array(Math.max(0, times.length - 1))
  for (let i = 1; i < times.length; i++) out[i - 1] = times[i] - times[i - 1]
  return out
}

function gapsOf(times: Float64Array, measure: (a: number, b: number) => number): number[] {
  const out: number[] = []
  for (let i = 1; i < times.length; i++) out.push(measure(times[i - 1], times[i]))
  return out
}

/** Infers the spacing of sorted, distinct timestamps and how well the series keeps to it. */
export function inferFrequency(times: Float64Array): FrequencyInference {
  if (times.length < 2)
    return { frequency: null, irregular: false, irregularShare: 0, skippedSteps: 0, label: 'unknown' }
  const candidate = candidateFor(times, modalValue(plainGaps(times)))
  let offGrid = 0
  let skippedSteps = 0
  for (let i = 1; i < times.length; i++) {
    const steps = candidate.stepsBetween(times[i - 1], times[i])
    if (!Number.isInteger(steps) || steps < 1) offGrid++
    else skippedSteps += steps - 1
  }
  const irregularShare = offGrid / (times.length - 1)
  const irregular = irregularShare > IRREGULAR_SHARE
  const label = frequencyLabel(candidate.frequency, irregular)
  return { frequency: candidate.frequency, irregular, irregularShare, skippedSteps, label }
}
