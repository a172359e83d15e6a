import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDispatcher } from '../../../electron/api/dispatch'
import type { Dispatcher } from '../../../electron/api/dispatch'
import { createServices } from '../../../electron/services'
import type { Services } from '../../../electron/services'
import type { StorageFs } from '../../../electron/services/storage/storage-fs'
import type * as StorageFsModule from '../../../electron/services/storage/storage-fs'
import { readLastCheckpoint } from '../../../electron/services/training/checkpoint-writer'
import { decodeFloat32 } from '../../../electron/services/training/float-codec'
import { forkBundled, killAndReap, waitForMessage } from '../projects/child-process'
import { testWorkerFiles } from '../helpers/test-workers'
import { createTestService, sineWindows, smallConfig } from '../training/helpers'
import { bundleChild } from './bundle-child'

type DiskCode = 'ENOSPC' | 'EACCES'

/** The armed fault: which files fail, how, and from which matching write on. */
const disk = vi.hoisted(() => ({
  fault: null as null | { code: DiskCode; at: 'open' | 'write' | 'rename'; file: string; after: number },
  seen: 0,
}))

function diskError(code: DiskCode, syscall: string, file: string): Error {
  const text = code === 'ENOSPC' ? 'no space left on device' : 'permission denied'
  return Object.assign(new Error(`${code}: ${text}, ${syscall} '${file}'`), {
    code,
    errno: code === 'ENOSPC' ? -28 : -13,
    syscall,
    path: file,
  })
}

// Every atomic write (project.json, checkpoints, models) goes through nodeStorageFs: this wraps
// it so a test can make the temp-file open, the write or the rename of chosen files fail.
vi.mock('../../../electron/services/storage/storage-fs', async (importOriginal) => {
  const real = await importOriginal<typeof StorageFsModule>()
  const base = real.nodeStorageFs
  const armed = (file: string, at: 'open' | 'write' | 'rename') => {
    const fault = disk.fault
    if (!fault || fault.at !== at || !path.basename(file).includes(fault.file)) return null
    return ++disk.seen > fault.after ? fault.code : null
  }
  const faulty: StorageFs = {
    async open(file, flags, mode) {
      const isTemp = path.basename(file).startsWith('.tmp-')
      const onOpen = isTemp ? armed(file, 'open') : null
      if (onOpen) throw diskError(onOpen, 'open', file)
      const handle = await base.open(file, flags, mode)
      const onWrite = isTemp ? armed(file, 'write') : null
      if (!onWrite) return handle
      // Half the bytes land, then the disk is full: a torn temp file, as in real life.
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'writeFile')
            return async (data: string | Uint8Array) => {
              const bytes = typeof data === 'string' ? Buffer.from(data) : data
              await target.write(bytes.subarray(0, bytes.length >> 1))
              throw diskError(onWrite, 'write', file)
            }
          const value = Reflect.get(target, key) as unknown
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
        },
      }) as FileHandle
    },
    async rename(from, to) {
      const onRename = armed(to, 'rename')
      if (onRename) throw diskError(onRename, 'rename', to)
      return base.rename(from, to)
    },
    unlink: (file) => base.unlink(file),
    copyFile: (from, to, mode) => base.copyFile(from, to, mode),
    cp: (from, to, options) => base.cp(from, to, options),
  }
  return { ...real, nodeStorageFs: faulty }
})

function arm(code: DiskCode, at: 'open' | 'write' | 'rename', file: string, after = 0): void {
  disk.seen = 0
  disk.fault = { code, at, file, after }
}

function disarm(): void {
  disk.fault = null
}

const DISK_MESSAGE = /no space left on device|permission denied|disk is full|permission/i

describe('a full or read-only disk while saving a project (through the API)', () => {
  let root: string
  let services: Services
  let dispatch: Dispatcher

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'lstm-disk-faults-'))
    services = createServices({
      identity: { name: 'LSTM Studio', version: '0.0.0-test', electronVersion: null },
      samplesDir: path.resolve(__dirname, '../../../resources/samples'),
      settingsDir: path.join(root, 'settings'),
      defaultProjectsFolder: path.join(root, 'projects'),
      workers: testWorkerFiles,
    })
    dispatch = createDispatcher(services.handlers)
  })

  afterAll(async () => {
    disarm()
    await services.dispose()
    await rm(root, { recursive: true, force: true })
  })

  it.each([
    ['ENOSPC', 'write'],
    ['ENOSPC', 'rename'],
    ['EACCES', 'open'],
    ['EACCES', 'rename'],
  ] as const)('%s at %s: a clear error, project.json intact, the project still usable', async (code, at) => {
    const created = await dispatch('projects.create', { name: `Disk ${code} ${at}` }, { transport: 'ipc' })
    if (!created.ok) throw new Error(created.error.message)
    const { projectId, path: projectDir } = created.result as { projectId: string; path: string }
    const file = path.join(projectDir, 'project.json')
    const before = await readFile(file, 'utf8')

    arm(code, at, 'project.json')
    const reply = await dispatch('projects.rename', { projectId, name: 'Lost' }, { transport: 'ipc' })
    disarm()

    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe(code)
    expect(reply.error.message).toMatch(DISK_MESSAGE)
    expect(await readFile(file, 'utf8')).toBe(before)
    expect(JSON.parse(before)).toMatchObject({ name: `Disk ${code} ${at}` })
    expect((await readdir(projectDir)).filter((name) => name.startsWith('.tmp-'))).toEqual([])
    const view = await dispatch('projects.get', { projectId }, { transport: 'ipc' })
    expect(view).toMatchObject({ ok: true, result: { manifest: { name: `Disk ${code} ${at}` } } })

    const retried = await dispatch('projects.rename', { projectId, name: 'Kept' }, { transport: 'ipc' })
    expect(retried).toMatchObject({ ok: true, result: { manifest: { name: 'Kept' } } })
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ name: 'Kept' })
  })
})

describe('a full or read-only disk while writing checkpoints', () => {
  const windows = sineWindows(32, 12, 2, 8)
  const EPOCHS = 40

  it.each([
    ['ENOSPC', 'write'],
    ['EACCES', 'open'],
  ] as const)(
    '%s at %s: the job fails with a disk message, the last good checkpoint resumes',
    async (code, at) => {
      const runDir = await mkdtemp(path.join(os.tmpdir(), 'lstm-disk-run-'))
      const { service } = createTestService({ poolSize: 1 })
      try {
        // The first two epochs' checkpoints land; from the third on, the disk refuses.
        arm(code, at, 'checkpoint-last.json', 2)
        service.start({
          jobId: 'full',
          config: smallConfig({ epochs: EPOCHS }),
          windows,
          checkpointDir: runDir,
        })
        const status = await service.finished('full')
        disarm()
        expect(status.state).toBe('failed')
        expect(status.message).toMatch(DISK_MESSAGE)
        // Training does not go on for hours with nowhere to save it.
        expect(status.epoch).toBeLessThan(EPOCHS)

        const last = await readLastCheckpoint(runDir)
        expect(last.epochsDone).toBe(2)
        expect((await readdir(runDir)).filter((name) => name.startsWith('.tmp-'))).toEqual([])

        service.start({
          jobId: 'resumed',
          config: smallConfig({ epochs: 4 }),
          windows,
          checkpointDir: runDir,
          resume: true,
        })
        const resumed = await service.finished('resumed')
        expect(resumed).toMatchObject({ state: 'completed', epoch: 4 })
      } finally {
        disarm()
        await service.dispose()
        await rm(runDir, { recursive: true, force: true })
      }
    },
  )
})

describe('a crash in the middle of a checkpoint write', () => {
  it('always leaves a complete, readable last checkpoint', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'lstm-ckpt-crash-'))
    try {
      const saver = await bundleChild(path.join(__dirname, 'children', 'checkpoint-saver.ts'), root)
      const runDir = path.join(root, 'run')
      await mkdir(runDir)
      for (let kill = 0; kill < 8; kill++) {
        const child = forkBundled(saver, [runDir])
        const report = await waitForMessage(child, (message) => (message.saved ?? 0) >= (kill % 3) + 1)
        await killAndReap(child)
        const last = await readLastCheckpoint(runDir)
        // At least the reported epoch (a later one may have landed just before the kill).
        expect(last.epochsDone).toBeGreaterThanOrEqual(report.saved ?? 0)
        expect(last.history).toHaveLength(last.epochsDone)
        const params = decodeFloat32(last.params, 'checkpoint weights')
        expect(params).toHaveLength(200_000)
        expect(params[0]).toBe(last.epochsDone)
        expect(params[199_999]).toBe(last.epochsDone)
      }
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
