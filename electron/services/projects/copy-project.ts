import { lstat, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { fsyncDirectory, isTempFileName, tempPathFor } from '../storage/atomic-write'
import { hasErrnoCode } from '../storage/coded-error'
import { nodeStorageFs } from '../storage/storage-fs'
import type { StorageFs } from '../storage/storage-fs'
import { ProjectExistsError } from './errors'
import { writeManifest } from './manifest-io'
import type { ProjectManifest } from '../../api/records'
import { LOCK_FILE, PROJECT_FILE } from './project-layout'

/** "Sales" → "Sales (copy)", then "Sales (copy 2)", ... whichever does not exist yet. */
export async function freeCopyFolder(parent: string, baseName: string, maxTries = 100): Promise<string> {
  for (let attempt = 1; attempt <= maxTries; attempt++) {
    const suffix = attempt === 1 ? ' (copy)' : ` (copy ${attempt})`
    const candidate = path.join(parent, `${baseName}${suffix}`)
    const taken = await stat(candidate).then(
      () => true,
      () => false,
    )
    if (!taken) return candidate
  }
  throw new ProjectExistsError(path.join(parent, `${baseName} (copy)`))
}

/**
 * Leaves out the original's project.json (the copy gets its own), the writer's lock, temp
 * files of interrupted saves, and anything but plain files and folders: a symbolic link
 * could point anywhere and a FIFO or device is not project data.
 */
async function belongsInCopy(source: string, sourceDir: string): Promise<boolean> {
  const name = path.basename(source)
  if (path.dirname(source) === sourceDir && name === PROJECT_FILE) return false
  if (name === LOCK_FILE || isTempFileName(name) || name.startsWith(`${LOCK_FILE}.stale-`)) return false
  const info = await lstat(source)
  return info.isFile() || info.isDirectory()
}

/**
 * Copies a project folder to `targetDir` under `manifest` (a new id), all or nothing: the files
 * go to a temporary sibling, which gets its own project.json before it is renamed into place.
 * Until that rename no folder of the original's id appears besides the original, whatever
 * moment the app dies at; a failure removes the temporary folder.
 */
export async function copyProjectAtomically(
  sourceDir: string,
  targetDir: string,
  manifest: ProjectManifest,
  fs: StorageFs = nodeStorageFs,
): Promise<void> {
  const temp = tempPathFor(targetDir)
  try {
    // cp makes the (unique) temporary folder itself: Node 22 refuses to copy into one that exists.
    await fs.cp(sourceDir, temp, {
      recursive: true,
      errorOnExist: true,
      force: false,
      filter: (source) => (source === sourceDir ? true : belongsInCopy(source, sourceDir)),
    })
    await writeManifest(temp, manifest, { fs })
    await fs.rename(temp, targetDir)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    // Another copy took the name meanwhile; a folder holding anything is never replaced.
    if (hasErrnoCode(error, 'ENOTEMPTY', 'EEXIST')) throw new ProjectExistsError(targetDir)
    throw error
  }
  await fsyncDirectory(path.dirname(targetDir), fs)
}
