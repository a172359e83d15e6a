/**
 * Cyclical calendar encodings of timestamps (epoch ms, UTC): each cycle becomes a sin/cos pair so
 * that December sits next to January and 23:00 next to midnight.
 */

export type CalendarFeature = 'month' | 'dayOfWeek' | 'hour'

const PERIOD: Record<CalendarFeature, number> = { month: 12, dayOfWeek: 7, hour: 24 }

function phase(feature: CalendarFeature, tsMs: number): number {
  const d = new Date(tsMs)
  switch (feature) {
    case 'month':
      return d.getUTCMonth()
    case 'dayOfWeek':
      return d.getUTCDay()
    case 'hour':
      return d.getUTCHours() + d.getUTCMinutes() / 60
  }
}

/** Column names in the order calendarFeatureValues writes them: `${feature}_sin`, `${feature}_cos`. */
export function calendarFeatureNames(features: readonly CalendarFeature[]): string[] {
  return features.flatMap((f) => [`${f}_sin`, `${f}_cos`])
}

/** Writes 2·features.length values for one timestamp into out[offset..]. */
export function writeCalendarFeatures(
  features: readonly CalendarFeature[],
  tsMs: number,
  out: { [index: number]: number },
  offset: number,
): void {
  features.forEach((feature, i) => {
    const angle = (2 * Math.PI * phase(feature, tsMs)) / PERIOD[feature]
    out[offset + 2 * i] = Math.sin(angle)
    out[offset + 2 * i + 1] = Math.cos(angle)
  })
}
