import { cp, lstat, mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { isTempFileName } from '../storage/atomic-write'
import { ProjectExistsError } from './errors'
import { LOCK_FILE } from './project-layout'

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
 * Leaves out the writer's lock, temp files of interrupted saves and symbolic links
 * (a link could point anywhere; the copy must only contain the project's own files).
 */
async function belongsInCopy(source: string): Promise<boolean> {
  const name = path.basename(source)
  if (name === LOCK_FILE || isTempFileName(name) || name.startsWith(`${LOCK_FILE}.stale-`)) return false
  return !(await lstat(source)).isSymbolicLink()
}

export async function copyProjectFolder(sourceDir: string, targetDir: string): Promise<void> {
  await mkdir(targetDir)
  await cp(sourceDir, targetDir, {
    recursive: true,
    errorOnExist: true,
    force: false,
    filter: (source) => (source === sourceDir ? true : belongsInCopy(source)),
  })
}
