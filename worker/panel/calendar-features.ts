import type { Frequency } from '../timeseries/frequency'

/**
 * The calendar as network input: where each step sits in the panel's season (the quarter of the
 * year, the day of the week, the hour of the day…), as sin and cos of 2π·position/season so the
 * season's last step sits next to its first. Series are on a regular grid, so one position per
 * series (that of its first point) gives every step's: position(t) = first + t (mod season).
 */

const DAY_MS = 24 * 60 * 60 * 1000
const UNIT_MS: Partial<Record<Frequency['unit'], number>> = {
  second: 1000,
  minute: 60 * 1000,
  hour: 60 * 60 * 1000,
  day: DAY_MS,
}
const MONTHS_PER_UNIT: Partial<Record<Frequency['unit'], number>> = { month: 1, quarter: 3, year: 12 }

const modulo = (value: number, season: number) => ((value % season) + season) % season

/** The step's position in the season (0 … season − 1) read from its timestamp. */
export function seasonPosition(tsMs: number, frequency: Frequency, season: number): number {
  const step = Math.max(1, frequency.step)
  const date = new Date(tsMs)
  const months = MONTHS_PER_UNIT[frequency.unit]
  if (months !== undefined)
    return modulo(Math.floor((date.getUTCFullYear() * 12 + date.getUTCMonth()) / (months * step)), season)
  if (frequency.unit === 'week') {
    // Week of the year, so that the same week of every year shares its position.
    const dayOfYear = Math.floor((tsMs - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS)
    return modulo(Math.floor(dayOfYear / (7 * step)), season)
  }
  if (frequency.unit === 'businessDay') return modulo(Math.floor(((date.getUTCDay() + 6) % 7) / step), season)
  // Fixed units count steps from the epoch (a UTC midnight), so hours fall on the hour of the day.
  return modulo(Math.floor(tsMs / (UNIT_MS[frequency.unit]! * step)), season)
}

/**
 * Each series' position of its first value: from its timestamp when the panel has dates and a
 * frequency, else from its index (`start`, the first value kept by the cleaning).
 */
export function firstPositions(
  series: readonly { timestamps?: ArrayLike<number> | null }[],
  starts: readonly number[],
  frequency: Frequency | null,
  season: number,
): Int32Array {
  return Int32Array.from(series, (s, i) => {
    const stamp = s.timestamps?.[starts[i]]
    return frequency && stamp !== undefined && Number.isFinite(stamp)
      ? seasonPosition(stamp, frequency, season)
      : modulo(starts[i], season)
  })
}

/** Writes sin and cos of the phase of step `t` of a series whose first value sits at `first`. */
export function writePhase(first: number, t: number, season: number, out: Float32Array, at: number): void {
  const angle = (2 * Math.PI * modulo(first + t, season)) / season
  out[at] = Math.sin(angle)
  out[at + 1] = Math.cos(angle)
}
