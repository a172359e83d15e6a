import { copyFile, cp, open, rename, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'

/**
 * The file-system calls whose failures (and durability) matter to the storage layer: atomic
 * writes and copies, folder copies. Production uses node:fs; tests swap single calls for
 * failing or recording ones, because running as root makes chmod useless for that.
 */
export interface StorageFs {
  open(path: string, flags: string, mode?: number): Promise<FileHandle>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  copyFile(from: string, to: string, mode?: number): Promise<void>
  cp: typeof cp
}

export const nodeStorageFs: StorageFs = { open, rename, unlink, copyFile, cp }
