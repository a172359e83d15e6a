import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { zipSync, type Zippable } from 'fflate'

/**
 * An export folder as one zip, its files under a folder of the same name, so a browser (which
 * cannot download a folder) hands the user the same tree the desktop app writes.
 */
export async function zipFolder(directory: string): Promise<Uint8Array> {
  const root = path.basename(directory)
  const entries = await readdir(directory, { recursive: true, withFileTypes: true })
  const files: Zippable = {}
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    const inside = path.relative(directory, full).split(path.sep).join('/')
    // Half-written files of an interrupted save are not part of the export.
    if (entry.name.startsWith('.tmp-')) continue
    files[`${root}/${inside}`] = new Uint8Array(await readFile(full))
  }
  return zipSync(files, { level: 6 })
}
