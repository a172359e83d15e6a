import type { Frequency } from '../../../worker/timeseries/frequency'

const hour = 3_600_000
const day = 24 * hour

/** Enough of a frequency for choosing presets: the median spacing rounded to a common unit. */
export function guessFrequency(timestamps: readonly number[] | null): Frequency | null {
  if (!timestamps || timestamps.length < 3) return null
  const gaps: number[] = []
  for (let i = 1; i < Math.min(timestamps.length, 200); i++) gaps.push(timestamps[i]! - timestamps[i - 1]!)
  gaps.sort((a, b) => a - b)
  const median = gaps[Math.floor(gaps.length / 2)]!
  if (median >= 360 * day) return { unit: 'year', step: 1 }
  if (median >= 88 * day) return { unit: 'quarter', step: 1 }
  if (median >= 28 * day) return { unit: 'month', step: 1 }
  if (median >= 7 * day) return { unit: 'week', step: 1 }
  if (median >= day) return { unit: 'day', step: 1 }
  if (median >= hour) return { unit: 'hour', step: 1 }
  return null
}
