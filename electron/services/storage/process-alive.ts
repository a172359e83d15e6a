import { hasErrnoCode } from './coded-error'

/**
 * Whether a process with this pid exists on this machine. Signal 0 checks without
 * sending anything; EPERM means it exists but belongs to someone else.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return hasErrnoCode(error, 'EPERM')
  }
}
