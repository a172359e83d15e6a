import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CURRENT_FORMAT_VERSION } from '../../../electron/api/records'
import { makeStore, rejectsWithCode, useTempDirs } from './helpers'

const tempDir = useTempDirs()

async function readProjectJson(projectDir: string) {
  return JSON.parse(await readFile(path.join(projectDir, 'project.json'), 'utf8'))
}

describe('ProjectStore create/open', () => {
  it('creates the folder layout in the default projects folder and holds the write lock', async () => {
    const { store, projectsDir } = makeStore(await tempDir())
    const session = await store.create({ name: 'Energy: 2026' })
    expect(session.path).toBe(path.join(projectsDir, 'Energy_ 2026'))
    expect((await readdir(session.path)).sort()).toEqual(
      ['.lock', 'data', 'forecasts', 'models', 'project.json', 'runs'].sort(),
    )
    const json = await readProjectJson(session.path)
    expect(json).toMatchObject({ formatVersion: CURRENT_FORMAT_VERSION, name: 'Energy: 2026', datasets: [] })
    expect(session.readOnly).toBe(false)
    await session.close()
    expect(await readdir(session.path)).not.toContain('.lock')
  })

  it('creates in a given parent folder and refuses an existing folder', async () => {
    const root = await tempDir()
    const { store } = makeStore(root)
    const parent = path.join(root, 'elsewhere')
    const session = await store.create({ name: 'A', parentDir: parent })
    expect(session.path).toBe(path.join(parent, 'A'))
    await rejectsWithCode(store.create({ name: 'A', parentDir: parent }), 'PROJECT_EXISTS')
    await store.closeAll()
  })

  it('opens by folder or by project.json path and reports missing projects', async () => {
    const root = await tempDir()
    const { store } = makeStore(root)
    const created = await store.create({ name: 'P' })
    const id = created.manifest.id
    await created.close()
    const byFile = await store.open(path.join(created.path, 'project.json'))
    expect(byFile.manifest.id).toBe(id)
    await byFile.close()
    await mkdir(path.join(root, 'empty'))
    await rejectsWithCode(store.open(path.join(root, 'empty')), 'PROJECT_NOT_FOUND')
    await rejectsWithCode(store.open(path.join(root, 'nowhere')), 'PROJECT_NOT_FOUND')
  })

  it('reports damaged and too-new projects with their codes', async () => {
    const { store } = makeStore(await tempDir())
    const session = await store.create({ name: 'P' })
    await session.close()
    await writeFile(path.join(session.path, 'project.json'), '{"formatVersion": 99}')
    await rejectsWithCode(store.open(session.path), 'PROJECT_TOO_NEW')
    await writeFile(path.join(session.path, 'project.json'), '{"formatVersion": 2, ')
    await rejectsWithCode(store.open(session.path), 'PROJECT_DAMAGED')
  })

  it('opens a v1 project, shows it migrated, and saves it as the current version on the next change', async () => {
    const root = await tempDir()
    const { store } = makeStore(root)
    const projectDir = path.join(root, 'old')
    await mkdir(path.join(projectDir, 'data'), { recursive: true })
    await writeFile(
      path.join(projectDir, 'project.json'),
      await readFile(path.join(__dirname, 'fixtures', 'project-v1.json')),
    )
    const session = await store.open(projectDir)
    expect(session.migratedFrom).toBe(1)
    expect((await readProjectJson(projectDir)).formatVersion).toBe(1)
    await session.addRun({ status: 'queued', config: {} })
    const saved = await readProjectJson(projectDir)
    expect(saved.formatVersion).toBe(CURRENT_FORMAT_VERSION)
    expect(saved.datasets[0].storedFile).toBe('data/sales 2024.csv')
    await session.close()
  })
})

describe('ProjectStore records', () => {
  it('adds dataset, run, model and forecast records and persists them', async () => {
    const { store } = makeStore(await tempDir())
    const session = await store.create({ name: 'P' })
    const dataset = await session.addDataset({
      name: 'load',
      sourceFileName: 'load.csv',
      storedFile: 'data/x.csv',
      cacheFile: null,
      importOptions: { delimiter: ',' },
      detectedFormat: null,
      columnRoles: { t: 'time', y: 'target' },
    })
    const run = await session.addRun({ status: 'running', config: { epochs: 3 } })
    expect(run.started).not.toBeNull()
    await session.updateRun(run.id, { status: 'completed', ended: new Date().toISOString() })
    const model = await session.addModel({
      name: 'M',
      runId: run.id,
      spec: { cell: 'gru' },
      metrics: { rmse: 1 },
    })
    const forecast = await session.addForecast({ modelId: model.id, file: 'forecasts/f.csv' })
    await session.close()
    const reopened = await store.open(session.path, { access: 'read' })
    const manifest = reopened.manifest
    expect(manifest.datasets).toEqual([dataset])
    expect(manifest.runs[0]).toMatchObject({ id: run.id, status: 'completed' })
    expect(manifest.models).toEqual([model])
    expect(manifest.forecasts).toEqual([forecast])
  })

  it('refuses duplicate ids, dangling references and paths leaving the project, saving nothing', async () => {
    const { store } = makeStore(await tempDir())
    const session = await store.create({ name: 'P' })
    const run = await session.addRun({ id: 'r1', status: 'queued', config: {} })
    const before = await readProjectJson(session.path)
    await rejectsWithCode(session.addRun({ id: run.id, status: 'queued', config: {} }), 'DUPLICATE_RECORD')
    await rejectsWithCode(
      session.addModel({ name: 'M', runId: 'nope', spec: {}, metrics: {} }),
      'RECORD_NOT_FOUND',
    )
    await rejectsWithCode(
      session.addForecast({ modelId: 'nope', file: 'forecasts/a.csv' }),
      'RECORD_NOT_FOUND',
    )
    await rejectsWithCode(session.updateRun('nope', { status: 'failed' }), 'RECORD_NOT_FOUND')
    await rejectsWithCode(
      session.addDataset({
        name: 'x',
        sourceFileName: 'x.csv',
        storedFile: '../../etc/passwd',
        cacheFile: null,
        importOptions: {},
        detectedFormat: null,
        columnRoles: {},
      }),
      'PATH_OUTSIDE_PROJECT',
    )
    expect(await readProjectJson(session.path)).toEqual(before)
    expect(session.manifest.runs).toHaveLength(1)
    await session.close()
  })

  it('keeps project.json and the in-memory state when a save fails', async () => {
    const failing = { fail: false }
    const { nodeStorageFs } = await import('../../../electron/services/storage/storage-fs')
    const fs = {
      ...nodeStorageFs,
      rename: (from: string, to: string) =>
        failing.fail
          ? Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))
          : nodeStorageFs.rename(from, to),
    }
    const { store } = makeStore(await tempDir(), { fs })
    const session = await store.create({ name: 'Safe' })
    await session.addRun({ id: 'kept', status: 'queued', config: {} })
    const before = await readFile(path.join(session.path, 'project.json'), 'utf8')
    failing.fail = true
    await expect(session.addRun({ id: 'lost', status: 'queued', config: {} })).rejects.toThrow('disk full')
    await expect(store.rename(session, 'Renamed')).rejects.toThrow('disk full')
    expect(await readFile(path.join(session.path, 'project.json'), 'utf8')).toBe(before)
    expect(session.manifest.runs.map((run) => run.id)).toEqual(['kept'])
    expect(session.manifest.name).toBe('Safe')
    expect((await readdir(session.path)).filter((name) => name.startsWith('.tmp-'))).toEqual([])
    failing.fail = false
    await session.addRun({ id: 'later', status: 'queued', config: {} })
    expect(session.manifest.runs.map((run) => run.id)).toEqual(['kept', 'later'])
    await session.close()
  })

  it('refuses changes on read-only and closed sessions', async () => {
    const { store } = makeStore(await tempDir())
    const session = await store.create({ name: 'P' })
    const reader = await store.open(session.path, { access: 'read' })
    await rejectsWithCode(reader.addRun({ status: 'queued', config: {} }), 'PROJECT_READ_ONLY')
    await session.close()
    await rejectsWithCode(session.addRun({ status: 'queued', config: {} }), 'PROJECT_CLOSED')
  })

  it('resolves project-relative paths through the session, refusing escapes', async () => {
    const root = await tempDir()
    const { store } = makeStore(root)
    const session = await store.create({ name: 'P' })
    await symlink(root, path.join(session.path, 'data', 'up'))
    expect(await session.resolve('data/a.csv')).toBe(path.join(session.path, 'data', 'a.csv'))
    await rejectsWithCode(session.resolve('data/up/settings'), 'PATH_OUTSIDE_PROJECT')
    await rejectsWithCode(session.resolve('/etc/passwd'), 'PATH_OUTSIDE_PROJECT')
    await session.close()
  })
})

describe('ProjectStore rename/duplicate/delete', () => {
  it('renames in project.json only, or the folder too', async () => {
    const { store, projectsDir } = makeStore(await tempDir())
    const session = await store.create({ name: 'Before' })
    await store.rename(session, 'Middle')
    expect(session.path).toBe(path.join(projectsDir, 'Before'))
    expect((await readProjectJson(session.path)).name).toBe('Middle')
    await store.rename(session, 'After?', { renameFolder: true })
    expect(session.path).toBe(path.join(projectsDir, 'After_'))
    expect((await readProjectJson(session.path)).name).toBe('After?')
    await session.addRun({ status: 'queued', config: {} })
    expect((await store.listRecent())[0]).toMatchObject({
      path: session.path,
      name: 'After?',
      missing: false,
    })
    await session.close()
    expect(await readdir(session.path)).not.toContain('.lock')
  })

  it('refuses to rename the folder onto an existing one', async () => {
    const { store } = makeStore(await tempDir())
    const other = await store.create({ name: 'Taken' })
    const session = await store.create({ name: 'Mine' })
    await rejectsWithCode(store.rename(session, 'Taken', { renameFolder: true }), 'PROJECT_EXISTS')
    expect(await stat(path.join(other.path, 'project.json'))).toBeTruthy()
    await store.closeAll()
  })

  it('duplicates with a new id and "(copy)" name, without lock, temp files or symlinks', async () => {
    const root = await tempDir()
    const { store, projectsDir } = makeStore(root)
    const session = await store.create({ name: 'Orig' })
    await writeFile(path.join(session.path, 'data', 'a.csv'), 'x,y\n1,2\n')
    await writeFile(path.join(session.path, 'data', '.tmp-a.csv-1'), 'partial')
    await symlink(root, path.join(session.path, 'data', 'outside'))
    const copy = await store.duplicate(session.path)
    expect(copy.path).toBe(path.join(projectsDir, 'Orig (copy)'))
    expect(copy.name).toBe('Orig (copy)')
    expect(copy.id).not.toBe(session.manifest.id)
    expect(await readdir(path.join(copy.path, 'data'))).toEqual(['a.csv'])
    expect(await readdir(copy.path)).not.toContain('.lock')
    expect((await readProjectJson(copy.path)).id).toBe(copy.id)
    const second = await store.duplicate(session.path)
    expect(second.path).toBe(path.join(projectsDir, 'Orig (copy 2)'))
    await session.close()
  })

  it('deletes only with confirm: true and the exact name or id', async () => {
    const { store } = makeStore(await tempDir())
    const session = await store.create({ name: 'Doomed' })
    const id = session.manifest.id
    await rejectsWithCode(
      store.delete(session.path, { confirm: true, nameOrId: 'doomed' }),
      'CONFIRMATION_REQUIRED',
    )
    await rejectsWithCode(
      store.delete(session.path, { confirm: false, nameOrId: 'Doomed' } as never),
      'CONFIRMATION_REQUIRED',
    )
    await rejectsWithCode(store.delete(session.path, undefined as never), 'CONFIRMATION_REQUIRED')
    expect(await stat(session.path)).toBeTruthy()
    await store.delete(session.path, { confirm: true, nameOrId: id })
    await expect(stat(session.path)).rejects.toThrow()
    expect(session.isClosed).toBe(true)
    expect(await store.listRecent()).toEqual([])
  })

  it('deletes a folder without following symlinks out of it', async () => {
    const root = await tempDir()
    const { store } = makeStore(root)
    const precious = path.join(root, 'precious')
    await mkdir(precious)
    await writeFile(path.join(precious, 'keep.txt'), 'keep')
    const session = await store.create({ name: 'Doomed' })
    await symlink(precious, path.join(session.path, 'data', 'link'))
    await store.delete(session.path, { confirm: true, nameOrId: 'Doomed' })
    expect(await readFile(path.join(precious, 'keep.txt'), 'utf8')).toBe('keep')
  })

  it('refuses to delete folders that are not projects, and projects another instance is editing', async () => {
    const root = await tempDir()
    const first = makeStore(root)
    const second = makeStore(root)
    await mkdir(path.join(root, 'plain'))
    await rejectsWithCode(
      first.store.delete(path.join(root, 'plain'), { confirm: true, nameOrId: 'plain' }),
      'PROJECT_NOT_FOUND',
    )
    const session = await first.store.create({ name: 'Busy' })
    await rejectsWithCode(
      second.store.delete(session.path, { confirm: true, nameOrId: 'Busy' }),
      'PROJECT_LOCKED',
    )
    expect(await stat(path.join(session.path, 'project.json'))).toBeTruthy()
    await session.close()
  })

  it('lets a damaged project be deleted by confirming its folder name', async () => {
    const { store } = makeStore(await tempDir())
    const session = await store.create({ name: 'Broken' })
    await session.close()
    await writeFile(path.join(session.path, 'project.json'), 'garbage')
    await store.delete(session.path, { confirm: true, nameOrId: 'Broken' })
    await expect(stat(session.path)).rejects.toThrow()
  })
})

describe('recent projects and settings', () => {
  it('lists at most 10, most recent first, flagging missing folders', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z')
    const root = await tempDir()
    const { store, settingsDir } = makeStore(root, { now: () => new Date((clock += 1000)) })
    const paths: string[] = []
    for (let index = 0; index < 12; index++) {
      const session = await store.create({ name: `P${index}` })
      paths.push(session.path)
      await session.close()
    }
    const reopened = await store.open(paths[3], { access: 'read' })
    await reopened.close()
    await store.delete(paths[11], { confirm: true, nameOrId: 'P11' })
    const { rm } = await import('node:fs/promises')
    await rm(paths[10], { recursive: true })
    const recent = await store.listRecent()
    expect(recent.map((entry) => entry.name)).toEqual(['P3', 'P10', 'P9', 'P8', 'P7', 'P6', 'P5', 'P4', 'P2'])
    expect(recent.find((entry) => entry.name === 'P10')?.missing).toBe(true)
    expect(recent.filter((entry) => entry.missing)).toHaveLength(1)
    const onDisk = JSON.parse(await readFile(path.join(settingsDir, 'recent.json'), 'utf8'))
    expect(onDisk.projects.length).toBeLessThanOrEqual(10)
    const fresh = makeStore(root).store
    expect((await fresh.listRecent()).map((entry) => entry.name)).toEqual(recent.map((entry) => entry.name))
  })

  it('starts from an empty list when recent.json is damaged', async () => {
    const { store, settingsDir } = makeStore(await tempDir())
    await mkdir(settingsDir, { recursive: true })
    await writeFile(path.join(settingsDir, 'recent.json'), '{oops')
    expect(await store.listRecent()).toEqual([])
  })

  it('uses the injected default projects folder until the user picks one, which persists', async () => {
    const root = await tempDir()
    const { store, projectsDir } = makeStore(root)
    expect(await store.getDefaultProjectsFolder()).toBe(projectsDir)
    const chosen = path.join(root, 'chosen')
    await store.setDefaultProjectsFolder(chosen)
    expect(await makeStore(root).store.getDefaultProjectsFolder()).toBe(chosen)
    const session = await store.create({ name: 'Here' })
    expect(path.dirname(session.path)).toBe(chosen)
    await session.close()
    await expect(store.setDefaultProjectsFolder('relative/dir')).rejects.toThrow(RangeError)
    await store.setDefaultProjectsFolder(null)
    expect(await store.getDefaultProjectsFolder()).toBe(projectsDir)
  })
})
