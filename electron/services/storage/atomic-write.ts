import { constants as fsConstants } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { hasErrnoCode } from './coded-error'
import { nodeStorageFs } from './storage-fs'
import type { StorageFs } from './storage-fs'

export interface AtomicWriteOptions {
  fs?: StorageFs
  mode?: number
}

/** Temp files start with this so readers, copies and cleanups can recognise leftovers of a crash. */
export const TEMP_FILE_PREFIX = '.tmp-'

export function isTempFileName(name: string): boolean {
  return name.startsWith(TEMP_FILE_PREFIX)
}

/** A unique sibling of `target` with the temp prefix: same folder, so a rename onto `target` is atomic. */
export function tempPathFor(target: string): string {
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`
  return path.join(path.dirname(target), `${TEMP_FILE_PREFIX}${path.basename(target)}-${suffix}`)
}

/**
 * Makes the rename itself durable. Windows cannot open directories and some file systems
 * refuse fsync on them; the rename is still atomic there, only durability is weaker.
 */
export async function fsyncDirectory(directory: string, fs: StorageFs = nodeStorageFs): Promise<void> {
  let handle
  try {
    handle = await fs.open(directory, 'r')
    await handle.sync()
  } catch (error) {
    if (!hasErrnoCode(error, 'EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF')) throw error
  } finally {
    await handle?.close()
  }
}

/**
 * Replaces `target` with `data` so that readers (and a crash at any instant) see either
 * the old content or the new one, never a mix: write a temp file in the same directory,
 * fsync it, rename it over the target, fsync the directory. On failure the temp file is
 * removed and the previous target is untouched.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeStorageFs
  const temp = tempPathFor(target)
  let renamed = false
  try {
    const handle = await fs.open(temp, 'wx', options.mode ?? 0o644)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, target)
    renamed = true
  } finally {
    if (!renamed) await fs.unlink(temp).catch(() => undefined)
  }
  await fsyncDirectory(path.dirname(target), fs)
}

/** Pretty-printed so the file stays readable and diffable by people. */
export async function writeJsonAtomic(
  target: string,
  value: unknown,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await writeFileAtomic(target, `${JSON.stringify(value, null, 2)}\n`, options)
}

/**
 * Copies a file byte for byte so the target appears complete or not at all (same
 * temp-file, fsync, rename dance as writeFileAtomic; no need to hold it in memory).
 */
export async function copyFileAtomic(
  source: string,
  target: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeStorageFs
  const temp = tempPathFor(target)
  let renamed = false
  try {
    await fs.copyFile(source, temp, fsConstants.COPYFILE_EXCL)
    const handle = await fs.open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, target)
    renamed = true
  } finally {
    if (!renamed) await fs.unlink(temp).catch(() => undefined)
  }
  await fsyncDirectory(path.dirname(target), fs)
}
