import { z } from 'zod'

/** What a lock file says about the writer holding it; shown to the user of a second instance. */
export const lockOwnerSchema = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  instanceId: z.string(),
  acquiredAt: z.string(),
  heartbeatAt: z.string(),
})

export type LockOwner = z.infer<typeof lockOwnerSchema>

export function parseLockOwner(text: string): LockOwner | null {
  try {
    const parsed = lockOwnerSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export interface StalenessRules {
  hostname: string
  staleAfterMs: number
  now: number
  isProcessAlive: (pid: number) => boolean
}

/**
 * A lock is abandoned when its process is gone (checkable only on the same machine) or
 * when it has not been refreshed for longer than the threshold (covers other machines on
 * a shared drive, frozen processes and reused pids).
 */
export function isLockStale(owner: LockOwner, rules: StalenessRules): boolean {
  if (owner.hostname === rules.hostname && !rules.isProcessAlive(owner.pid)) return true
  const heartbeat = Date.parse(owner.heartbeatAt)
  return !Number.isFinite(heartbeat) || rules.now - heartbeat > rules.staleAfterMs
}
