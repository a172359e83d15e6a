import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readColumnarCache, writeColumnarCache } from '../../../electron/services/projects/columnar-cache'
import type { ColumnarColumn, ColumnarDataset } from '../../../electron/services/projects/columnar-cache'
import { rejectsWithCode, useTempDirs } from './helpers'

const tempDir = useTempDirs()

const plainValues = (column: ColumnarColumn): unknown[] =>
  column.kind === 'numeric' ? Array.from(column.values) : column.values

const sample: ColumnarDataset = {
  rowCount: 3,
  columns: [
    { name: 'time', kind: 'numeric', values: new Float64Array([1.7e12, 1.7e12 + 3.6e6, 1.7e12 + 7.2e6]) },
    { name: 'load', kind: 'numeric', values: new Float64Array([1.5, Number.NaN, -0]) },
    { name: 'note', kind: 'text', values: ['a', null, 'ünï "quoted"'] },
  ],
}

async function writeSample(): Promise<string> {
  const file = path.join(await tempDir(), 'd.cache')
  await writeColumnarCache(file, sample)
  return file
}

describe('columnar cache', () => {
  it('round-trips numbers (NaN, -0) and texts (null, unicode)', async () => {
    const back = await readColumnarCache(await writeSample())
    expect(back.rowCount).toBe(3)
    expect(back.columns.map((column) => [column.name, column.kind])).toEqual([
      ['time', 'numeric'],
      ['load', 'numeric'],
      ['note', 'text'],
    ])
    expect(Array.from(back.columns[1].values as Float64Array)).toEqual([1.5, Number.NaN, -0])
    expect(Object.is((back.columns[1].values as Float64Array)[2], -0)).toBe(true)
    expect(back.columns[2].values).toEqual(['a', null, 'ünï "quoted"'])
  })

  it('round-trips arbitrary tables', async () => {
    const dir = await tempDir()
    const table = fc.integer({ min: 0, max: 40 }).chain((rowCount) =>
      fc
        .array(
          fc.oneof(
            fc
              .array(fc.double(), { minLength: rowCount, maxLength: rowCount })
              .map((values) => ({ name: 'n', kind: 'numeric' as const, values: Float64Array.from(values) })),
            fc
              .array(fc.option(fc.string()), { minLength: rowCount, maxLength: rowCount })
              .map((values) => ({ name: 't', kind: 'text' as const, values })),
          ),
          { maxLength: 5 },
        )
        .map((columns) => ({ rowCount, columns })),
    )
    await fc.assert(
      fc.asyncProperty(table, async (dataset) => {
        const file = path.join(dir, 'p.cache')
        await writeColumnarCache(file, dataset)
        const back = await readColumnarCache(file)
        expect(back.rowCount).toBe(dataset.rowCount)
        expect(back.columns.map(plainValues)).toEqual(dataset.columns.map(plainValues))
      }),
      { numRuns: 40 },
    )
  })

  it('aligns number columns to 8 bytes and starts with the magic', async () => {
    const bytes = await readFile(await writeSample())
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('LSTMCOLS')
    const header = JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32LE(8)).toString('utf8'))
    for (const column of header.columns) expect(column.offset % 8).toBe(0)
    expect(bytes.readDoubleLE(header.columns[1].offset)).toBe(1.5)
  })

  it('refuses columns whose length differs from rowCount', async () => {
    const file = path.join(await tempDir(), 'bad.cache')
    const bad = {
      rowCount: 2,
      columns: [{ name: 'x', kind: 'numeric' as const, values: new Float64Array(3) }],
    }
    await expect(writeColumnarCache(file, bad)).rejects.toThrow(/3 values, expected 2/)
  })

  it('rejects a truncated file', async () => {
    const file = await writeSample()
    const bytes = await readFile(file)
    await writeFile(file, bytes.subarray(0, bytes.length - 9))
    await rejectsWithCode(readColumnarCache(file), 'CACHE_DAMAGED')
  })

  it('rejects a huge header length before allocating it', async () => {
    const file = await writeSample()
    const bytes = await readFile(file)
    bytes.writeUInt32LE(0xfffffff0, 8)
    await writeFile(file, bytes)
    const error = await rejectsWithCode(readColumnarCache(file), 'CACHE_DAMAGED')
    expect(error.message).toContain('header length')
  })

  it('rejects a header claiming more rows than the column holds', async () => {
    const file = await writeSample()
    const bytes = await readFile(file)
    const headerLength = bytes.readUInt32LE(8)
    const header = bytes.subarray(12, 12 + headerLength).toString('utf8')
    const patched = header.replace('"rowCount":3', '"rowCount":9').padEnd(headerLength, ' ')
    bytes.write(patched, 12, 'utf8')
    await writeFile(file, bytes)
    await rejectsWithCode(readColumnarCache(file), 'CACHE_DAMAGED')
  })

  it('rejects files that are not caches', async () => {
    const file = path.join(await tempDir(), 'x.cache')
    await writeFile(file, 'timestamp,value\n1,2\n')
    await rejectsWithCode(readColumnarCache(file), 'CACHE_DAMAGED')
    await writeFile(file, 'LSTM')
    await rejectsWithCode(readColumnarCache(file), 'CACHE_DAMAGED')
  })
})
