import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readColumnarCache } from '../../../electron/services/projects/columnar-cache'
import { importDataset } from '../../../electron/services/projects/dataset-import'
import { appendRunLog, startRunFiles } from '../../../electron/services/projects/run-files'
import { makeStore, rejectsWithCode, useTempDirs } from './helpers'

const tempDir = useTempDirs()

describe('importDataset', () => {
  it('copies the file verbatim, writes the cache and records the dataset', async () => {
    const root = await tempDir()
    const { store } = makeStore(root)
    const session = await store.create({ name: 'P' })
    const source = path.join(root, 'Sales 2024.CSV')
    const bytes = Buffer.from('\ufeffdate;value\r\n2024-01-01;1,5\r\n2024-01-02;2\r\n', 'utf8')
    await writeFile(source, bytes)
    const record = await importDataset(session, {
      sourcePath: source,
      importOptions: { delimiter: ';', decimalSeparator: ',' },
      detectedFormat: { delimiter: ';', encoding: 'utf-8', rowCount: 2 },
      columnRoles: { date: 'time', value: 'target' },
      table: {
        rowCount: 2,
        columns: [
          { name: 'date', kind: 'numeric', values: new Float64Array([1704067200000, 1704153600000]) },
          { name: 'value', kind: 'numeric', values: new Float64Array([1.5, 2]) },
        ],
      },
    })
    expect(record).toMatchObject({ name: 'Sales 2024', sourceFileName: 'Sales 2024.CSV' })
    expect(record.storedFile).toBe(`data/${record.id}.csv`)
    expect((await readFile(await session.resolve(record.storedFile))).equals(bytes)).toBe(true)
    const cache = await readColumnarCache(await session.resolve(record.cacheFile ?? ''))
    expect(cache.columns[1]).toEqual({ name: 'value', kind: 'numeric', values: new Float64Array([1.5, 2]) })
    expect(session.manifest.datasets).toEqual([record])
    await session.close()
  })

  it('leaves no files behind when the project cannot be changed', async () => {
    const root = await tempDir()
    const { store } = makeStore(root)
    const session = await store.create({ name: 'P' })
    const source = path.join(root, 'a.csv')
    await writeFile(source, 'x\n1\n')
    const reader = await store.open(session.path, { access: 'read' })
    const request = { sourcePath: source, importOptions: {}, detectedFormat: null, columnRoles: {} }
    await rejectsWithCode(importDataset(reader, request), 'PROJECT_READ_ONLY')
    await expect(
      importDataset(session, { ...request, sourcePath: path.join(root, 'missing.csv') }),
    ).rejects.toThrow()
    expect(await readdir(path.join(session.path, 'data'))).toEqual([])
    expect(session.manifest.datasets).toEqual([])
    await session.close()
  })
})

describe('run files', () => {
  it('writes config.json and a log under runs/<id>/', async () => {
    const { store } = makeStore(await tempDir(), { now: () => new Date('2026-02-03T04:05:06.000Z') })
    const session = await store.create({ name: 'P' })
    const run = await session.addRun({ status: 'running', config: { epochs: 2 } })
    await startRunFiles(session, run.id, { epochs: 2, lr: 0.01 })
    await appendRunLog(session, run.id, 'epoch 2\ndone')
    const runDir = path.join(session.path, 'runs', run.id)
    expect(JSON.parse(await readFile(path.join(runDir, 'config.json'), 'utf8'))).toEqual({
      epochs: 2,
      lr: 0.01,
    })
    expect(await readFile(path.join(runDir, 'log.txt'), 'utf8')).toBe(
      '2026-02-03T04:05:06.000Z epoch 2 done\n',
    )
    await session.close()
  })

  it('refuses run ids that would leave runs/', async () => {
    const { store } = makeStore(await tempDir())
    const session = await store.create({ name: 'P' })
    await rejectsWithCode(startRunFiles(session, '../escape', {}), 'PATH_OUTSIDE_PROJECT')
    await rejectsWithCode(appendRunLog(session, 'a/../../b', 'x'), 'PATH_OUTSIDE_PROJECT')
    await rejectsWithCode(startRunFiles(session, 'nested/run', {}), 'PATH_OUTSIDE_PROJECT')
    await session.close()
  })
})
