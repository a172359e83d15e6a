import type { InstallResult } from './installer.cjs'

export type EnsuredBinary = { binary: string } | { binary: null; reason: string; interrupted: boolean }

export declare function ensureElectronBinary(steps?: {
  findBinary?: () => string | null
  install?: () => Promise<InstallResult>
  log?: (line: string) => void
}): Promise<EnsuredBinary>
