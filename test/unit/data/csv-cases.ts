import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { CsvImportError, parseCsvBytes } from '../../../electron/services/data'
import type { CsvDataset, CsvImportOptions, ImportOutcome } from '../../../electron/services/data'

/** One entry of a cases.json file (see test/fixtures/csv-cases/README.md). */
export interface CsvCase {
  file: string
  valid: boolean | 'warn'
  rows?: number
  timeColumn?: string | null
  numericColumns?: string[]
  first?: Record<string, number>
  missing?: Record<string, number>
  sortedAfterImport?: boolean
  why?: string
  note?: string
}

export function loadCases(dir: string): CsvCase[] {
  return JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as CsvCase[]
}

export function importCase(dir: string, file: string, options: CsvImportOptions = {}): ImportOutcome {
  return parseCsvBytes(readFileSync(join(dir, file)), file, options)
}

export function expectDataset(outcome: ImportOutcome): CsvDataset {
  if (outcome.status !== 'ok')
    throw new Error(`expected a dataset, got: ${outcome.decisions.map((d) => d.message).join('; ')}`)
  return outcome.dataset
}

/** Checks every expectation a case states; absent fields are not checked. */
export function expectCaseMatches(dataset: CsvDataset, c: CsvCase): void {
  if (c.rows !== undefined) expect(dataset.rowCount).toBe(c.rows)
  if (c.timeColumn !== undefined) {
    expect(dataset.detected.timeColumn).toBe(c.timeColumn)
    expect(dataset.timestamps === null).toBe(c.timeColumn === null)
  }
  const numeric = dataset.columns.filter((col) => col.kind === 'numeric').map((col) => col.name)
  for (const name of c.numericColumns ?? []) expect(numeric).toContain(name)
  for (const [name, value] of Object.entries(c.first ?? {})) {
    const column = dataset.columns.find((col) => col.name === name)
    expect(column?.kind, `column ${name}`).toBe('numeric')
    expect(column!.values[0]).toBeCloseTo(value, 9)
  }
  for (const [name, count] of Object.entries(c.missing ?? {}))
    expect(dataset.missing[name], `missing in ${name}`).toBe(count)
  if (c.sortedAfterImport) {
    const times = dataset.timestamps!
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1])
  }
}

export function expectRefusal(run: () => unknown, fileName: string): CsvImportError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(CsvImportError)
    const refusal = error as CsvImportError
    expect(refusal.message).toContain(fileName)
    expect(refusal.problem.length).toBeGreaterThan(5)
    return refusal
  }
  throw new Error(`${fileName} was imported but should have been refused`)
}
