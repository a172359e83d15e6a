import type * as FsPromises from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { tryAcquireLock } from '../../../electron/services/storage/lock-file'
import { parseLockOwner } from '../../../electron/services/storage/lock-owner'
import { useTempDirs } from './helpers'

/**
 * Another instance acting at the worst instant. Every call the lock code makes through
 * node:fs/promises first runs the armed one-shot `before` step (a competitor's move between a
 * check and the write that trusted it), and afterwards the `after` observer. Both use the real
 * functions, so they do not trigger themselves.
 */
const race = vi.hoisted(() => ({
  before: null as null | { ops: string[]; step: () => Promise<void> },
  after: null as null | (() => Promise<void>),
  real: {} as typeof FsPromises,
}))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  race.real = real
  const wrap =
    (op: string, fn: (...args: never[]) => Promise<unknown>) =>
    async (...args: never[]) => {
      const armed = race.before
      if (armed?.ops.includes(op)) {
        race.before = null
        await armed.step()
      }
      const result = await fn(...args)
      await race.after?.()
      return result
    }
  const ops = ['open', 'rename', 'unlink', 'link', 'readFile', 'writeFile', 'stat'] as const
  const wrapped = Object.fromEntries(ops.map((op) => [op, wrap(op, real[op] as never)]))
  return { ...real, ...wrapped, default: { ...real, ...wrapped } }
})

const tempDir = useTempDirs()

async function lockOwnerIn(dir: string): Promise<string | undefined> {
  return parseLockOwner(await race.real.readFile(path.join(dir, '.lock'), 'utf8'))?.instanceId
}

/** What an instance that judged our lock stale does: move it away and publish its own. */
async function thiefTakesOver(lockPath: string): Promise<void> {
  await race.real.rename(lockPath, `${lockPath}.stale-thief`)
  const now = new Date().toISOString()
  const owner = { pid: 1, hostname: 'elsewhere', instanceId: 'thief', acquiredAt: now, heartbeatAt: now }
  await race.real.writeFile(lockPath, JSON.stringify(owner))
}

const noTimer = () => () => undefined

async function heldLock(dir: string) {
  const attempt = await tryAcquireLock(path.join(dir, '.lock'), { instanceId: 'me', heartbeat: noTimer })
  if (!attempt.acquired) throw new Error('expected to get the lock')
  return attempt.lock
}

describe('the project lock when another instance acts between a check and a write', () => {
  it('a heartbeat never writes over a lock another instance took over', async () => {
    const dir = await tempDir()
    const lock = await heldLock(dir)
    // The takeover lands after the heartbeat read the lock as ours, before it writes.
    race.before = { ops: ['open'], step: () => thiefTakesOver(lock.path) }
    await lock.refresh()
    expect(await lockOwnerIn(dir)).toBe('thief')
    expect(await lock.isHeld()).toBe(false)
  })

  it('releasing never deletes a lock another instance took over', async () => {
    const dir = await tempDir()
    const lock = await heldLock(dir)
    race.before = { ops: ['unlink', 'rename'], step: () => thiefTakesOver(lock.path) }
    await lock.release()
    expect(await lockOwnerIn(dir)).toBe('thief')
  })

  it('publishes the lock file complete with its owner: another opener never sees it empty', async () => {
    const dir = await tempDir()
    const lockPath = path.join(dir, '.lock')
    const seen: string[] = []
    race.after = async () => {
      const text = await race.real.readFile(lockPath, 'utf8').catch(() => null)
      if (text !== null) seen.push(text)
    }
    const attempt = await tryAcquireLock(lockPath, { instanceId: 'me', heartbeat: noTimer })
    race.after = null
    expect(attempt.acquired).toBe(true)
    expect(seen.length).toBeGreaterThan(0)
    for (const text of seen) expect(parseLockOwner(text)?.instanceId).toBe('me')
  })
})
