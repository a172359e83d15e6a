import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CsvImportError, importCsv, inspectCsv, parseCsvBytes } from '../../../electron/services/data'
import { datasetOf } from './helpers'
import type { CsvDataset } from '../../../electron/services/data'

const dir = mkdtempSync(join(tmpdir(), 'lstm-csv-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const MINUTE = 60_000
/** About 1.4 MB: two 1 MB read chunks, so progress, chunk seams and cancellation are exercised. */
const ROWS = 30_000

function labelOf(i: number, quoted: boolean): string {
  if (!quoted) return `row ${i}`
  // Every 500th label holds a delimiter, an escaped quote and a line break.
  return i % 500 === 0 ? `"row ${i}, ""x""\nmore"` : `"row ${i}"`
}

function writeSeries(name: string, quoted: boolean, lineEnding = '\n'): string {
  const lines = ['time,a,b,label']
  for (let i = 0; i < ROWS; i++) {
    const time = new Date(Date.UTC(2020, 0, 1) + i * MINUTE).toISOString().slice(0, 19)
    lines.push(`${time},${(i * 0.37).toFixed(2)},${i % 7 === 0 ? 'NA' : i},${labelOf(i, quoted)}`)
  }
  const path = join(dir, name)
  writeFileSync(path, lines.join(lineEnding) + lineEnding)
  return path
}

/** Element-wise, so a mismatch names the spot; toEqual on 40k-element arrays is needlessly slow. */
function expectSameColumns(a: CsvDataset, b: CsvDataset): void {
  expect(a.columns.map((c) => [c.name, c.kind, c.values.length])).toEqual(
    b.columns.map((c) => [c.name, c.kind, c.values.length]),
  )
  a.columns.forEach((column, j) => {
    const other = b.columns[j].values
    const differs = Array.prototype.findIndex.call(
      column.values,
      (v: unknown, i: number) => !Object.is(v, other[i]),
    )
    expect(differs, `first difference in ${column.name}`).toBe(-1)
  })
}

describe('importCsv (streaming from disk)', () => {
  it.each([
    ['plain LF', false, '\n'],
    ['quoted with line breaks in fields', true, '\n'],
    ['CRLF', false, '\r\n'],
    ['quoted CRLF', true, '\r\n'],
  ])('gives the same dataset as the in-memory parser: %s', async (name, quoted, lineEnding) => {
    const path = writeSeries(`${name}.csv`, quoted, lineEnding)
    const streamed = await importCsv(path)
    const inMemory = parseCsvBytes(readFileSync(path), `${name}.csv`)
    const a = datasetOf(streamed)
    const b = datasetOf(inMemory)
    expect(a.rowCount).toBe(ROWS)
    expectSameColumns(a, b)
    if (quoted) expect(a.columns[3].values[500]).toBe('row 500, "x"\nmore')
    expect(a.missing).toEqual({ time: 0, a: 0, b: Math.ceil(ROWS / 7), label: 0 })
    expect(a.detected.frequency?.label).toBe('every minute')
  })

  it('reports progress as growing fractions ending at 1 with the row count', async () => {
    const path = writeSeries('progress.csv', false)
    const calls: Array<[number, number]> = []
    await importCsv(path, {}, { onProgress: (fraction, rows) => calls.push([fraction, rows]) })
    expect(calls.length).toBeGreaterThanOrEqual(2)
    expect(calls.at(-1)).toEqual([1, ROWS])
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i][0]).toBeGreaterThanOrEqual(calls[i - 1][0])
      expect(calls[i][1]).toBeGreaterThanOrEqual(calls[i - 1][1])
    }
    expect(calls[0][0]).toBeGreaterThan(0)
    expect(calls[0][0]).toBeLessThan(1)
  })

  it('stops with CANCELLED when the signal aborts mid-file, without a partial dataset', async () => {
    const path = writeSeries('cancel.csv', false)
    const controller = new AbortController()
    const run = importCsv(path, {}, { signal: controller.signal, onProgress: () => controller.abort() })
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED', fileName: 'cancel.csv' })
    await expect(run).rejects.toBeInstanceOf(CsvImportError)
  })

  it('does not start when already aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      importCsv(join(dir, 'whatever.csv'), {}, { signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    })
  })

  it('refuses a missing file with one message', async () => {
    await expect(importCsv(join(dir, 'nope.csv'))).rejects.toMatchObject({
      code: 'READ_FAILED',
      fileName: 'nope.csv',
    })
  })

  it('refuses a folder as a folder', async () => {
    await expect(importCsv(dir)).rejects.toMatchObject({
      code: 'READ_FAILED',
      problem: 'is a folder, not a CSV file',
    })
  })
})

describe('inspectCsv', () => {
  it('detects and previews from the head of a large file', async () => {
    const path = writeSeries('inspect.csv', false)
    const inspection = await inspectCsv(path)
    expect(inspection.sampleIsWholeFile).toBe(false)
    expect(inspection.preview).toHaveLength(20)
    expect(inspection.preview[0][1]).toBe('0.00')
    expect(inspection.columns.map((c) => [c.name, c.kind])).toEqual([
      ['time', 'time'],
      ['a', 'numeric'],
      ['b', 'numeric'],
      ['label', 'text'],
    ])
    expect(inspection.sampleFrequency?.label).toBe('every minute')
    expect(inspection.columns[2].missingInSample).toBeGreaterThan(0)
  })

  it('works on bytes and refuses like the importer', async () => {
    const inspection = await inspectCsv(new TextEncoder().encode('d;v\n01.02.2020;1,5\n'), {}, 'eu.csv')
    expect(inspection.detected).toMatchObject({
      delimiter: ';',
      decimalSeparator: ',',
      timeFormat: 'dayMonth',
    })
    await expect(inspectCsv(new Uint8Array(0), {}, 'empty.csv')).rejects.toMatchObject({ code: 'EMPTY_FILE' })
    const headerOnly = new TextEncoder().encode('date,value\n')
    await expect(inspectCsv(headerOnly, {}, 'h.csv')).rejects.toMatchObject({ code: 'NO_DATA_ROWS' })
  })
})
