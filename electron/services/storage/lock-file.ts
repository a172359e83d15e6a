import { randomBytes } from 'node:crypto'
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { hostname as osHostname } from 'node:os'
import { writeJsonAtomic } from './atomic-write'
import { hasErrnoCode } from './coded-error'
import { isLockStale, parseLockOwner } from './lock-owner'
import type { LockOwner } from './lock-owner'
import { isProcessAlive } from './process-alive'

export interface LockOptions {
  /** Identifies this app instance; two stores in one process must use different ids. */
  instanceId: string
  hostname?: string
  /** A lock whose heartbeat is older than this is abandoned. */
  staleAfterMs?: number
  /** How often a held lock refreshes its heartbeat; must be well below staleAfterMs. */
  heartbeatMs?: number
  now?: () => number
  isProcessAlive?: (pid: number) => boolean
}

export type LockAttempt = { acquired: true; lock: HeldLock } | { acquired: false; owner: LockOwner | null }

const defaultStaleAfterMs = 60_000
const defaultHeartbeatMs = 15_000
const takeoverAttempts = 3

type ResolvedOptions = Required<LockOptions>

function resolveOptions(options: LockOptions): ResolvedOptions {
  return {
    instanceId: options.instanceId,
    hostname: options.hostname ?? osHostname(),
    staleAfterMs: options.staleAfterMs ?? defaultStaleAfterMs,
    heartbeatMs: options.heartbeatMs ?? defaultHeartbeatMs,
    now: options.now ?? Date.now,
    isProcessAlive: options.isProcessAlive ?? isProcessAlive,
  }
}

function describeSelf(options: ResolvedOptions, acquiredAt?: string): LockOwner {
  const now = new Date(options.now()).toISOString()
  return {
    pid: process.pid,
    hostname: options.hostname,
    instanceId: options.instanceId,
    acquiredAt: acquiredAt ?? now,
    heartbeatAt: now,
  }
}

/** O_EXCL create: exactly one of several simultaneous callers succeeds. */
async function createExclusive(lockPath: string, owner: LockOwner): Promise<boolean> {
  let handle
  try {
    handle = await open(lockPath, 'wx', 0o644)
  } catch (error) {
    if (hasErrnoCode(error, 'EEXIST')) return false
    throw error
  }
  try {
    await handle.writeFile(`${JSON.stringify(owner, null, 2)}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return true
}

async function readLockText(lockPath: string): Promise<string | null> {
  try {
    return await readFile(lockPath, 'utf8')
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT')) return null
    throw error
  }
}

/** A lock file nobody could parse is a writer that crashed between creating and filling it. */
async function isUnreadableLockStale(lockPath: string, options: ResolvedOptions): Promise<boolean> {
  try {
    const info = await stat(lockPath)
    return options.now() - info.mtimeMs > options.staleAfterMs
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT')) return true
    throw error
  }
}

/**
 * Removes a lock judged stale without ever deleting a fresh lock someone else created
 * meanwhile: move it aside under a unique name, check it is the one we judged, and if not
 * put it back (link fails rather than overwrite if yet another lock appeared).
 */
async function removeStaleLock(lockPath: string, judgedText: string): Promise<void> {
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`
  try {
    await rename(lockPath, aside)
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT')) return
    throw error
  }
  const moved = await readLockText(aside)
  if (moved !== judgedText) await link(aside, lockPath).catch(() => undefined)
  await unlink(aside).catch(() => undefined)
}

/**
 * Tries to become the single writer guarded by `lockPath`. Takes over stale locks; for a
 * live one reports who holds it (null if the file could not be read).
 */
export async function tryAcquireLock(lockPath: string, lockOptions: LockOptions): Promise<LockAttempt> {
  const options = resolveOptions(lockOptions)
  for (let attempt = 0; attempt < takeoverAttempts; attempt++) {
    const self = describeSelf(options)
    if (await createExclusive(lockPath, self)) {
      return { acquired: true, lock: new HeldLock(lockPath, self, options) }
    }
    const text = await readLockText(lockPath)
    if (text === null) continue
    const owner = parseLockOwner(text)
    const stale = owner
      ? isLockStale(owner, { ...options, now: options.now() })
      : await isUnreadableLockStale(lockPath, options)
    if (!stale) return { acquired: false, owner }
    await removeStaleLock(lockPath, text)
  }
  return { acquired: false, owner: parseLockOwner((await readLockText(lockPath)) ?? '') }
}

/** A lock this instance holds: keeps its heartbeat fresh until released. */
export class HeldLock {
  private timer: NodeJS.Timeout | undefined
  private lost = false
  private released = false

  constructor(
    private lockPath: string,
    readonly owner: LockOwner,
    private readonly options: ResolvedOptions,
  ) {
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), options.heartbeatMs)
    // The heartbeat must never keep the app (or a test run) alive on its own.
    this.timer.unref()
  }

  get path(): string {
    return this.lockPath
  }

  /** The folder holding the lock was renamed (the lock file moved with it). */
  relocate(newLockPath: string): void {
    this.lockPath = newLockPath
  }

  /** True while the lock file on disk is still ours (another instance may have judged us stale). */
  async isHeld(): Promise<boolean> {
    if (this.released || this.lost) return false
    const owner = parseLockOwner((await readLockText(this.lockPath)) ?? '')
    if (owner?.instanceId !== this.options.instanceId) this.markLost()
    return !this.lost
  }

  async refresh(): Promise<void> {
    if (!(await this.isHeld())) return
    await writeJsonAtomic(this.lockPath, describeSelf(this.options, this.owner.acquiredAt))
  }

  async release(): Promise<void> {
    if (this.released) return
    const stillOurs = await this.isHeld()
    this.released = true
    this.stopHeartbeat()
    if (stillOurs) await unlink(this.lockPath).catch(() => undefined)
  }

  private markLost(): void {
    this.lost = true
    this.stopHeartbeat()
  }

  private stopHeartbeat(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }
}
