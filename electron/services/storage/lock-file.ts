import { randomBytes } from 'node:crypto'
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { hostname as osHostname } from 'node:os'
import { tempPathFor } from './atomic-write'
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
  /** Runs `beat` every `everyMs` until the returned function is called; an unref'd interval by default. */
  heartbeat?: (beat: () => Promise<void>, everyMs: number) => () => void
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
    heartbeat: options.heartbeat ?? intervalHeartbeat,
  }
}

function intervalHeartbeat(beat: () => Promise<void>, everyMs: number): () => void {
  const timer = setInterval(() => void beat().catch(() => undefined), everyMs)
  // The heartbeat must never keep the app (or a test run) alive on its own.
  timer.unref()
  return () => clearInterval(timer)
}

function lockText(owner: LockOwner): string {
  return `${JSON.stringify(owner, null, 2)}\n`
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

/**
 * Publishes the lock only if there is none, complete from its first instant: the owner is
 * written to a private temp file which is then hard-linked to the lock path (link never
 * replaces, so exactly one of several simultaneous callers succeeds, and nobody ever sees
 * the lock empty). Where hard links are unsupported (FAT, some network drives), O_EXCL create.
 */
async function createExclusive(lockPath: string, owner: LockOwner): Promise<boolean> {
  const temp = tempPathFor(lockPath)
  try {
    await writeSynced(temp, 'wx', lockText(owner))
    await link(temp, lockPath)
    return true
  } catch (error) {
    if (hasErrnoCode(error, 'EEXIST')) return false
    if (!hasErrnoCode(error, 'EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP')) throw error
    return createWithExclusiveFlag(lockPath, owner)
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

async function createWithExclusiveFlag(lockPath: string, owner: LockOwner): Promise<boolean> {
  try {
    await writeSynced(lockPath, 'wx', lockText(owner))
    return true
  } catch (error) {
    if (hasErrnoCode(error, 'EEXIST')) return false
    throw error
  }
}

async function writeSynced(file: string, flags: string, text: string): Promise<void> {
  const handle = await open(file, flags, 0o644)
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
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
 * Removes the lock file only if it is the one `isTheOne` recognises, without ever deleting a
 * lock someone else published meanwhile: move it aside under a unique name (atomic), check
 * what was moved, and if it is not the one put it back (link fails rather than overwrite if
 * yet another lock appeared).
 */
async function removeLockIf(lockPath: string, isTheOne: (text: string | null) => boolean): Promise<void> {
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`
  try {
    await rename(lockPath, aside)
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT')) return
    throw error
  }
  if (!isTheOne(await readLockText(aside))) await link(aside, lockPath).catch(() => undefined)
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
    await removeLockIf(lockPath, (moved) => moved === text)
  }
  return { acquired: false, owner: parseLockOwner((await readLockText(lockPath)) ?? '') }
}

/** A lock this instance holds: keeps its heartbeat fresh until released. */
export class HeldLock {
  private stopTimer: (() => void) | undefined
  private lost = false
  private released = false

  constructor(
    private lockPath: string,
    readonly owner: LockOwner,
    private readonly options: ResolvedOptions,
  ) {
    this.stopTimer = options.heartbeat(() => this.refresh(), options.heartbeatMs)
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
    if (!this.isOurs(await readLockText(this.lockPath))) this.markLost()
    return !this.lost
  }

  /**
   * Writes a fresh heartbeat into the lock file in place, through one handle that is first
   * checked to hold our lock. If another instance replaces the file meanwhile, the write lands
   * in our old file, never over theirs (a rename-based rewrite could clobber their lock).
   */
  async refresh(): Promise<void> {
    if (this.released || this.lost) return
    const handle = await open(this.lockPath, 'r+').catch((error: unknown) => {
      if (hasErrnoCode(error, 'ENOENT')) return null
      throw error
    })
    if (!handle) return this.markLost()
    try {
      if (!this.isOurs(await handle.readFile('utf8'))) return this.markLost()
      const text = lockText(describeSelf(this.options, this.owner.acquiredAt))
      await handle.write(text, 0, 'utf8')
      await handle.truncate(Buffer.byteLength(text))
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  async release(): Promise<void> {
    if (this.released) return
    this.released = true
    this.stopHeartbeat()
    if (!this.lost) await removeLockIf(this.lockPath, (text) => this.isOurs(text))
  }

  private isOurs(text: string | null): boolean {
    return parseLockOwner(text ?? '')?.instanceId === this.options.instanceId
  }

  private markLost(): void {
    this.lost = true
    this.stopHeartbeat()
  }

  private stopHeartbeat(): void {
    this.stopTimer?.()
    this.stopTimer = undefined
  }
}
