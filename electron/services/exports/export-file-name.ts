import { lstat } from 'node:fs/promises'
import path from 'node:path'
import { hasErrnoCode } from '../storage/coded-error'
export { exportStem, localDate } from '../../api/export-name'

/** The project folder model exports (and their zips) are written to, named for people. */
export const EXPORTS_DIR = 'exports'

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
