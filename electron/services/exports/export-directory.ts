import { mkdir, readdir, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { hasErrnoCode } from '../storage/coded-error'
import { ExportError } from './export-error'

/** The folder an export is written into (never the model's own, never over files unconfirmed), and its files. */

/** Bytes of every file but the card, built before anything touches the disk so a refusal writes nothing. */
export type Payload = { name: string; data: string | Uint8Array }[]

export const PREPROCESSING_FILE = 'preprocessing.json'

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** Files already in `directory`, or null when it does not exist yet. */
async function existingEntries(directory: string): Promise<string[] | null> {
  try {
    if (!(await stat(directory)).isDirectory())
      throw new ExportError('EXPORT_NOT_A_FOLDER', `${directory} exists and is not a folder.`)
    return await readdir(directory)
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT')) return null
    throw error
  }
}

function describeEntries(entries: string[]): string {
  const shown = entries.slice(0, 3).join(', ')
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown
}

export async function prepareDirectory(
  directory: string,
  source: string | null,
  overwrite: boolean,
): Promise<void> {
  if (source !== null && resolve(source) === resolve(directory))
    throw new ExportError(
      'EXPORT_SAME_FOLDER',
      'The export folder is the model folder itself; choose another folder.',
    )
  const entries = await existingEntries(directory)
  if (entries !== null && entries.length > 0 && !overwrite)
    throw new ExportError(
      'EXPORT_FOLDER_NOT_EMPTY',
      `The folder ${directory} already holds ${describeEntries(entries.sort())}; the export would write ` +
        'README.md and its model files over any of the same name. Choose an empty folder, or confirm ' +
        'replacing them.',
    )
  await mkdir(directory, { recursive: true })
}
