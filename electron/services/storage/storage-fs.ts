import { open, rename, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'

/**
 * The few file-system calls an atomic write needs. Production uses node:fs; tests swap
 * single calls for failing ones, because running as root makes chmod useless for that.
 */
export interface StorageFs {
  open(path: string, flags: string, mode?: number): Promise<FileHandle>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
}

export const nodeStorageFs: StorageFs = { open, rename, unlink }
