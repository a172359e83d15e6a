import type { CalendarFeatureName } from './settings-schema'

const DAY = 86_400_000

function medianGap(timestamps: readonly number[]): number {
  const gaps: number[] = []
  for (let i = 1; i < Math.min(timestamps.length, 200); i++) gaps.push(timestamps[i]! - timestamps[i - 1]!)
  gaps.sort((a, b) => a - b)
  return gaps[Math.floor(gaps.length / 2)]!
}

/**
 * The calendar features that can vary between the steps of a series: the hour needs sub-daily
 * steps, the day of week steps shorter than a week, the month steps shorter than a year.
 * Without a time column there is nothing to compute them from.
 */
export function offeredCalendarFeatures(timestamps: readonly number[] | null): CalendarFeatureName[] {
  if (!timestamps || timestamps.length < 2) return []
  const gap = medianGap(timestamps)
  if (gap < DAY) return ['month', 'dayOfWeek', 'hour']
  if (gap < 7 * DAY) return ['month', 'dayOfWeek']
  if (gap < 360 * DAY) return ['month']
  return []
}
