import { calendarFeatureNames, writeCalendarFeatures, type CalendarFeature } from '../statistics/index'
import { futureTimestamps } from '../timeseries/calendar'
import type { Frequency } from '../timeseries/frequency'
import { seriesLength } from './targets'
import type { PipelineConfig, SeriesInput } from './types'

/**
 * Calendar features are known-future covariates the pipeline makes itself from the timestamps
 * (sin/cos of month, day of week, hour). They cover the data and `ahead` steps after it, generated
 * from the frequency, so forecasting past the end never asks the user for them.
 */

export const CALENDAR_FEATURES: readonly CalendarFeature[] = ['month', 'dayOfWeek', 'hour']

export function calendarOf(config: Pick<PipelineConfig, 'calendar'>): CalendarFeature[] {
  return config.calendar ?? []
}

/** Channel names, two per feature (`month_sin`, `month_cos`, …), in input order. */
export function calendarNames(config: Pick<PipelineConfig, 'calendar'>): string[] {
  return calendarFeatureNames(calendarOf(config))
}

export function checkCalendarFeatures(features: readonly unknown[]): void {
  const seen = new Set<unknown>()
  for (const feature of features) {
    if (!CALENDAR_FEATURES.includes(feature as CalendarFeature))
      throw new RangeError(
        `calendar feature must be one of ${CALENDAR_FEATURES.join(', ')}, got ${String(feature)}`,
      )
    if (seen.has(feature)) throw new RangeError(`calendar feature ${String(feature)} is listed twice`)
    seen.add(feature)
  }
}

/** Throws a RangeError when the series cannot give the features the configuration asks for. */
export function checkCalendarSource(
  series: Pick<SeriesInput, 'timestamps' | 'frequency' | 'targets'>,
  features: readonly CalendarFeature[],
): void {
  if (features.length === 0) return
  const asked = features.join(', ')
  if (!series.timestamps || series.timestamps.length === 0)
    throw new RangeError(`calendar features (${asked}) need timestamps, but the series has no time column`)
  const n = seriesLength(series)
  if (series.timestamps.length < n)
    throw new RangeError(
      `calendar features need a timestamp for each of the ${n} values, got ${series.timestamps.length}`,
    )
  if (!series.frequency)
    throw new RangeError(
      `calendar features (${asked}) need a regular frequency to date the forecast steps; none was detected`,
    )
}

/** Timestamps of the data followed by the `ahead` steps after its last one. */
function extendedTimestamps(
  timestamps: ArrayLike<number>,
  frequency: Frequency,
  ahead: number,
): Float64Array {
  const out = new Float64Array(timestamps.length + ahead)
  out.set(Array.from(timestamps))
  out.set(futureTimestamps(timestamps[timestamps.length - 1], frequency, ahead), timestamps.length)
  return out
}

/** One column per channel name: the features of every timestamp and of `ahead` future steps. */
export function calendarColumns(
  features: readonly CalendarFeature[],
  series: Pick<SeriesInput, 'timestamps' | 'frequency' | 'targets'>,
  ahead: number,
): Float64Array[] {
  if (features.length === 0) return []
  checkCalendarSource(series, features)
  const times = extendedTimestamps(series.timestamps!, series.frequency!, ahead)
  const columns = Array.from({ length: 2 * features.length }, () => new Float64Array(times.length))
  const row = new Float64Array(2 * features.length)
  times.forEach((time, t) => {
    writeCalendarFeatures(features, time, row, 0)
    row.forEach((value, c) => (columns[c][t] = value))
  })
  return columns
}
