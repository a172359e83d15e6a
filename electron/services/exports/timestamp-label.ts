import type { Frequency, FrequencyUnit } from '../../../worker/timeseries/frequency'

/**
 * Dates as exports write them: at the series' own granularity, in the file's own zone.
 * `1961` yearly, `1961-01` monthly and quarterly (the quarter's first month, which the importer
 * reads back), `1961-01-01` daily and weekly, `1961-01-01 13:00` hourly and finer, followed by
 * the file's offset (`+01:00`) when its timestamps carried one. A series whose timestamps hold
 * more than its frequency says (monthly data on the 15th, daily data at 09:00) is written finely
 * enough to keep it: a label never loses part of a timestamp.
 */

type Granularity = 'year' | 'month' | 'day' | 'minute' | 'second' | 'millisecond'

const ORDER: Granularity[] = ['year', 'month', 'day', 'minute', 'second', 'millisecond']

/** The coarsest label each frequency allows. */
const COARSEST: Record<FrequencyUnit, Granularity> = {
  year: 'year',
  quarter: 'month',
  month: 'month',
  week: 'day',
  day: 'day',
  businessDay: 'day',
  hour: 'minute',
  minute: 'minute',
  second: 'second',
}

/** The wall-clock time in the file's zone, read through the UTC getters. */
function wallClock(ms: number, offsetMinutes: number | null): Date {
  return new Date(ms + (offsetMinutes ?? 0) * 60_000)
}

/** The finest part of one wall-clock time that is not at its start (ms, seconds, time, day, month). */
function finestPart(wall: Date): Granularity {
  if (wall.getUTCMilliseconds() !== 0) return 'millisecond'
  if (wall.getUTCSeconds() !== 0) return 'second'
  if (wall.getUTCHours() !== 0 || wall.getUTCMinutes() !== 0) return 'minute'
  if (wall.getUTCDate() !== 1) return 'day'
  if (wall.getUTCMonth() !== 0) return 'month'
  return 'year'
}

const finer = (a: Granularity, b: Granularity) => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b)
const two = (value: number) => String(value).padStart(2, '0')

/** `+01:00`, `-05:30`, `+00:00`. */
export function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+'
  const size = Math.abs(offsetMinutes)
  return `${sign}${two(Math.floor(size / 60))}:${two(size % 60)}`
}

function label(wall: Date, granularity: Granularity, offsetMinutes: number | null): string {
  const year = String(wall.getUTCFullYear()).padStart(4, '0')
  if (granularity === 'year') return year
  const month = `${year}-${two(wall.getUTCMonth() + 1)}`
  if (granularity === 'month') return month
  const day = `${month}-${two(wall.getUTCDate())}`
  if (granularity === 'day') return day
  let time = `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`
  if (granularity !== 'minute') time += `:${two(wall.getUTCSeconds())}`
  if (granularity === 'millisecond') time += `.${String(wall.getUTCMilliseconds()).padStart(3, '0')}`
  return `${day} ${time}${offsetMinutes === null ? '' : offsetText(offsetMinutes)}`
}

/**
 * A labeller for every timestamp of one export (they share one granularity, so a column reads
 * evenly). Without a frequency, whole days are the coarsest label.
 */
export function timestampLabeller(
  timestamps: ArrayLike<number>,
  frequency: Frequency | null,
  offsetMinutes: number | null,
): (ms: number) => string {
  let granularity: Granularity = frequency ? COARSEST[frequency.unit] : 'day'
  for (let i = 0; i < timestamps.length; i++)
    granularity = finer(granularity, finestPart(wallClock(timestamps[i]!, offsetMinutes)))
  return (ms) => label(wallClock(ms, offsetMinutes), granularity, offsetMinutes)
}
