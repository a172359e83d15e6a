import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ModelFormatError } from '../../../worker/model-format/index'
import { hasErrnoCode } from '../storage/coded-error'

/** Small helpers for reading model and export folders: bounded reads, refusals that name the file. */

/** The folder's entries, or a refusal naming the folder when it is missing or not a folder. */
export async function folderEntries(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).sort()
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT'))
      throw new ModelFormatError('MODEL_MISSING_FILE', `There is no folder ${directory}.`)
    if (hasErrnoCode(error, 'ENOTDIR'))
      throw new ModelFormatError('MODEL_FOREIGN', `${directory} is a file; a model is a folder.`)
    throw error
  }
}

/** Reads `name` from the folder, refusing it unread when larger than `maxBytes`. */
export async function readCapped(directory: string, name: string, maxBytes: number): Promise<Uint8Array> {
  const path = join(directory, name)
  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new ModelFormatError('MODEL_FOREIGN', `${name} is not a file.`)
    size = info.size
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT', 'ENOTDIR'))
      throw new ModelFormatError('MODEL_MISSING_FILE', `The model folder has no ${name}.`)
    throw error
  }
  if (size > maxBytes)
    throw new ModelFormatError(
      'MODEL_FOREIGN',
      `${name} is ${size} bytes, more than a model of this app holds.`,
    )
  return new Uint8Array(await readFile(path))
}

/** Parses `name` as JSON, refusing text that is not. */
export async function readJsonCapped(directory: string, name: string, maxBytes: number): Promise<unknown> {
  const bytes = await readCapped(directory, name, maxBytes)
  try {
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    throw new ModelFormatError('MODEL_FOREIGN', `${name} is not valid JSON.`)
  }
}
