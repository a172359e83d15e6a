import { lstat } from 'node:fs/promises'
import path from 'node:path'
import { hasErrnoCode } from '../storage/coded-error'
import { toSafeFileName } from '../storage/file-names'

/** The project folder model exports (and their zips) are written to, named for people. */
export const EXPORTS_DIR = 'exports'

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

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file)
    return true
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT')) return false
    throw error
  }
}

/**
 * `stem.extension` in `directory`, or `stem-2.extension`, `stem-3.extension`…: the first that does
 * not exist yet, so an export never replaces an earlier one. The extension is given apart
 * (empty for a folder) because a dataset's own name may hold dots.
 */
export async function unusedName(directory: string, stem: string, extension = ''): Promise<string> {
  const dot = extension ? `.${extension}` : ''
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${stem}${dot}` : `${stem}-${n}${dot}`
    if (!(await exists(path.join(directory, candidate)))) return candidate
  }
}
