import { stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { isHomePath } from '../../api/requests/common'
import { CodedError, hasErrnoCode } from '../storage/coded-error'

/** A path the API accepted as the user gave it, with a leading `~` made the home folder. */
export function expandHome(given: string): string {
  if (!isHomePath(given)) return given
  return path.join(os.homedir(), given.slice(1))
}

/**
 * A path the user gave must name a file this app can read. Said in words with a stable code
 * (the screens translate it), rather than as the system's ENOENT or EISDIR.
 */
export async function readableFile(given: string): Promise<string> {
  const file = expandHome(given)
  try {
    if ((await stat(file)).isDirectory())
      throw new CodedError('NOT_A_FILE', `${file} is a folder, not a file: choose a CSV file inside it`, {
        details: { path: file },
      })
  } catch (error) {
    if (error instanceof CodedError) throw error
    if (hasErrnoCode(error, 'ENOENT', 'ENOTDIR'))
      throw new CodedError('FILE_NOT_FOUND', `There is no file at ${file}: check the path`, {
        details: { path: file },
      })
    if (hasErrnoCode(error, 'EACCES', 'EPERM'))
      throw new CodedError(
        'FILE_NOT_READABLE',
        `${file} cannot be read: this app is not allowed to open it`,
        {
          details: { path: file },
        },
      )
    throw error
  }
  return file
}
