/**
 * Times of a series are shown as its file wrote them: in the file's own zone (its offset,
 * e.g. +01:00, kept at import), or in UTC when it wrote none, never in the viewer's zone.
 * Charts format dates in the browser's local zone, so the x values they get are "wall-clock"
 * instants: the local instant whose clock reads what the file's clock read.
 */

/** The file's clock at `utcMs`, read through the UTC getters. */
function fileClock(utcMs: number, offsetMinutes: number | null): Date {
  return new Date(utcMs + (offsetMinutes ?? 0) * 60_000)
}

/** The local instant whose clock shows what the file's clock showed at `utcMs` (x values for charts). */
export function toShownTime(utcMs: number, offsetMinutes: number | null): number {
  const clock = fileClock(utcMs, offsetMinutes)
  const local = new Date(0)
  local.setFullYear(clock.getUTCFullYear(), clock.getUTCMonth(), clock.getUTCDate())
  local.setHours(
    clock.getUTCHours(),
    clock.getUTCMinutes(),
    clock.getUTCSeconds(),
    clock.getUTCMilliseconds(),
  )
  return local.getTime()
}

/** The instant a chart's x value stands for (after a zoom, to fetch those rows). */
export function fromShownTime(shownMs: number, offsetMinutes: number | null): number {
  const local = new Date(shownMs)
  const clock = new Date(0)
  clock.setUTCFullYear(local.getFullYear(), local.getMonth(), local.getDate())
  clock.setUTCHours(local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds())
  return clock.getTime() - (offsetMinutes ?? 0) * 60_000
}

/** `utcMs` formatted in the file's zone: "Mar 1, 2020" for 2020-03-01T00:00:00+01:00, wherever the viewer is. */
export function formatInZone(
  utcMs: number,
  offsetMinutes: number | null,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
  return format.format(fileClock(utcMs, offsetMinutes))
}

const two = (value: number) => String(value).padStart(2, '0')

/** The zone times are shown in, as people write it: "UTC", "UTC+01:00", "UTC−05:30". */
export function zoneName(offsetMinutes: number | null): string {
  if (!offsetMinutes) return 'UTC'
  const size = Math.abs(offsetMinutes)
  return `UTC${offsetMinutes < 0 ? '−' : '+'}${two(Math.floor(size / 60))}:${two(size % 60)}`
}

/**
 * Whether a series' times, on the file's clock, hold hours and minutes (else they are whole days,
 * and tooltips need no time of day). Checked on at most ~1,000 of them: a series may hold millions.
 */
export function hasTimeOfDay(timestamps: ArrayLike<number>, offsetMinutes: number | null): boolean {
  const shift = (offsetMinutes ?? 0) * 60_000
  const step = Math.max(1, Math.floor(timestamps.length / 1000))
  for (let i = 0; i < timestamps.length; i += step)
    if ((timestamps[i]! + shift) % 86_400_000 !== 0) return true
  return false
}
