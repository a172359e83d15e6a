import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectLockedError } from '../../../electron/services/projects/errors'
import { tryAcquireLock } from '../../../electron/services/storage/lock-file'
import type { LockOwner } from '../../../electron/services/storage/lock-owner'
import { forkChild, killAndReap, waitForMessage } from './child-process'
import { makeStore, rejectsWithCode, useTempDirs } from './helpers'

const tempDir = useTempDirs()

async function readLock(projectDir: string): Promise<LockOwner> {
  return JSON.parse(await readFile(path.join(projectDir, '.lock'), 'utf8'))
}

async function writeForeignLock(projectDir: string, owner: Partial<LockOwner>): Promise<void> {
  const now = new Date().toISOString()
  const lock: LockOwner = {
    pid: 1,
    hostname: 'other-machine',
    instanceId: 'foreign',
    acquiredAt: now,
    heartbeatAt: now,
  }
  await writeFile(path.join(projectDir, '.lock'), JSON.stringify({ ...lock, ...owner }))
}

async function createClosedProject(root: string): Promise<string> {
  const { store } = makeStore(root)
  const session = await store.create({ name: 'Shared' })
  await session.close()
  return session.path
}

describe('project lock between two stores in one process', () => {
  it('writes pid, hostname, instance id and times into .lock', async () => {
    const { store } = makeStore(await tempDir(), { instanceId: 'first' })
    const session = await store.create({ name: 'P' })
    const lock = await readLock(session.path)
    expect(lock).toMatchObject({ pid: process.pid, hostname: hostname(), instanceId: 'first' })
    expect(Date.parse(lock.heartbeatAt)).not.toBeNaN()
    await session.close()
  })

  it('opens read-only for the second store, or refuses it write access, naming the holder', async () => {
    const root = await tempDir()
    const projectDir = await createClosedProject(root)
    const first = makeStore(root, { instanceId: 'first' }).store
    const second = makeStore(root, { instanceId: 'second' }).store
    const writer = await first.open(projectDir, { access: 'write' })
    const reader = await second.open(projectDir)
    expect(reader.readOnly).toBe(true)
    expect(reader.lockedBy).toMatchObject({ pid: process.pid, instanceId: 'first' })
    const error = await rejectsWithCode(second.open(projectDir, { access: 'write' }), 'PROJECT_LOCKED')
    expect(error).toBeInstanceOf(ProjectLockedError)
    expect((error as ProjectLockedError).lockedBy?.instanceId).toBe('first')
    expect(error.message).toContain(`process ${process.pid}`)
    await writer.close()
    const nowWriter = await second.open(projectDir, { access: 'write' })
    expect(nowWriter.readOnly).toBe(false)
    await nowWriter.close()
  })

  it('lets exactly one of many simultaneous openers write', async () => {
    const root = await tempDir()
    const projectDir = await createClosedProject(root)
    const stores = Array.from({ length: 6 }, (_, index) => makeStore(root, { instanceId: `s${index}` }).store)
    const sessions = await Promise.all(stores.map((store) => store.open(projectDir)))
    expect(sessions.filter((session) => !session.readOnly)).toHaveLength(1)
    await Promise.all(sessions.map((session) => session.close()))
  })
})

describe('stale locks', () => {
  it('takes over a lock whose heartbeat is older than the threshold', async () => {
    const root = await tempDir()
    const projectDir = await createClosedProject(root)
    await writeForeignLock(projectDir, { heartbeatAt: new Date(Date.now() - 120_000).toISOString() })
    const { store } = makeStore(root, { instanceId: 'me', lockStaleAfterMs: 60_000 })
    const session = await store.open(projectDir, { access: 'write' })
    expect((await readLock(projectDir)).instanceId).toBe('me')
    await session.close()
  })

  it('respects a fresh lock from another machine (its pid cannot be checked from here)', async () => {
    const root = await tempDir()
    const projectDir = await createClosedProject(root)
    await writeForeignLock(projectDir, { pid: 999_999_999 })
    const { store } = makeStore(root)
    const session = await store.open(projectDir)
    expect(session.readOnly).toBe(true)
    expect(session.lockedBy?.hostname).toBe('other-machine')
  })

  it('treats an unreadable lock as held while fresh and as stale once old', async () => {
    const root = await tempDir()
    const projectDir = await createClosedProject(root)
    const lockFile = path.join(projectDir, '.lock')
    await writeFile(lockFile, '')
    const { store } = makeStore(root, { lockStaleAfterMs: 60_000 })
    const error = await rejectsWithCode(store.open(projectDir, { access: 'write' }), 'PROJECT_LOCKED')
    expect((error as ProjectLockedError).lockedBy).toBeNull()
    const old = new Date(Date.now() - 120_000)
    await utimes(lockFile, old, old)
    const session = await store.open(projectDir, { access: 'write' })
    expect(session.readOnly).toBe(false)
    await session.close()
  })

  it('takes over from a child process that was SIGKILLed while holding the lock', async () => {
    const root = await tempDir()
    const projectDir = await createClosedProject(root)
    const { store, settingsDir } = makeStore(root, { instanceId: 'parent' })
    const child = forkChild('lock-holder.ts', [settingsDir, projectDir])
    try {
      const { locked } = await waitForMessage(child, (message) => message.locked !== undefined)
      expect((await readLock(projectDir)).pid).toBe(locked)
      const whileAlive = await store.open(projectDir)
      expect(whileAlive.readOnly).toBe(true)
      expect(whileAlive.lockedBy?.instanceId).toBe('holder-child')
    } finally {
      await killAndReap(child)
    }
    const afterDeath = await store.open(projectDir, { access: 'write' })
    expect(afterDeath.readOnly).toBe(false)
    expect((await readLock(projectDir)).instanceId).toBe('parent')
    await afterDeath.close()
  })
})

describe('held lock', () => {
  it('refreshes its heartbeat and stops saving once another instance took the lock over', async () => {
    const root = await tempDir()
    const projectDir = await createClosedProject(root)
    const lockPath = path.join(projectDir, '.lock')
    let clock = Date.parse('2026-05-01T00:00:00Z')
    const attempt = await tryAcquireLock(lockPath, { instanceId: 'me', now: () => clock })
    if (!attempt.acquired) throw new Error('expected to get the lock')
    clock += 30_000
    await attempt.lock.refresh()
    expect((await readLock(projectDir)).heartbeatAt).toBe('2026-05-01T00:00:30.000Z')
    expect((await readLock(projectDir)).acquiredAt).toBe('2026-05-01T00:00:00.000Z')
    await writeForeignLock(projectDir, { instanceId: 'thief' })
    expect(await attempt.lock.isHeld()).toBe(false)
    await attempt.lock.release()
    expect((await readLock(projectDir)).instanceId).toBe('thief')
  })

  it('makes a session refuse to save after its lock was taken over', async () => {
    const { store } = makeStore(await tempDir())
    const session = await store.create({ name: 'P' })
    await writeForeignLock(session.path, { instanceId: 'thief' })
    await rejectsWithCode(session.addRun({ status: 'queued', config: {} }), 'PROJECT_LOCKED')
    await session.close()
    expect((await readLock(session.path)).instanceId).toBe('thief')
  })

  it('refreshes on its own timer, and stops the timer on release', async () => {
    const root = await tempDir()
    const projectDir = await createClosedProject(root)
    let clock = Date.parse('2026-05-01T00:00:00Z')
    const timer = { beat: null as null | (() => Promise<void>), everyMs: 0, stopped: false }
    const attempt = await tryAcquireLock(path.join(projectDir, '.lock'), {
      instanceId: 'me',
      heartbeatMs: 5_000,
      now: () => clock,
      heartbeat: (beat, everyMs) => {
        Object.assign(timer, { beat, everyMs })
        return () => (timer.stopped = true)
      },
    })
    if (!attempt.acquired) throw new Error('expected to get the lock')
    expect(timer.everyMs).toBe(5_000)
    clock += 10_000
    await timer.beat!()
    expect((await readLock(projectDir)).heartbeatAt).toBe('2026-05-01T00:00:10.000Z')
    expect(timer.stopped).toBe(false)
    await attempt.lock.release()
    expect(timer.stopped).toBe(true)
  })
})

describe('opening a project', () => {
  it('releases the lock when a later step of opening fails (remembering it as recent)', async () => {
    const root = await tempDir()
    const projectDir = await createClosedProject(root)
    const brokenRoot = await tempDir()
    // The settings folder is a file: recent.json cannot be written.
    await writeFile(path.join(brokenRoot, 'settings'), 'not a folder')
    const broken = makeStore(brokenRoot, { instanceId: 'broken' }).store
    await expect(broken.open(projectDir, { access: 'write' })).rejects.toThrow()
    expect(await readdir(projectDir)).not.toContain('.lock')
    const next = await makeStore(root, { instanceId: 'next' }).store.open(projectDir, { access: 'write' })
    expect(next.readOnly).toBe(false)
    await next.close()
  })
})
