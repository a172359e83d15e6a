import { toSafeFileName } from './file-names'

/**
 * Names of exports, shared by the services (files and folders they write) and the renderer
 * (files the browser saves, like the chart's PNG), so both name alike.
 */

const two = (value: number) => String(value).padStart(2, '0')

/** The day of `when` on this machine's calendar, `2026-12-06`: the date the user sees on the clock. */
export function localDate(when: Date): string {
  return `${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())}`
}

/**
 * A name a person recognises in a downloads folder: what it was made from, what it is, the day
 * it was made, e.g. `AirPassengers-forecast-2026-12-06` (+ `.csv`) or `AirPassengers-onnx-2026-12-06`.
 * The subject is made safe for every file system (no `/ \ : * ? " < > |`, no device names).
 */
export function exportStem(subject: string, what: string, when: Date): string {
  return `${toSafeFileName(subject, 'export')}-${what}-${localDate(when)}`
}
