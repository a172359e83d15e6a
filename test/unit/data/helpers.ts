import { CsvImportError, parseCsvBytes } from '../../../electron/services/data'
import type { CsvDataset, CsvImportOptions, DataColumn, ImportOutcome } from '../../../electron/services/data'

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

export function parseText(
  text: string,
  options: CsvImportOptions = {},
  fileName = 'test.csv',
): ImportOutcome {
  return parseCsvBytes(bytesOf(text), fileName, options)
}

export function datasetOf(outcome: ImportOutcome): CsvDataset {
  if (outcome.status !== 'ok')
    throw new Error(`needs a decision: ${outcome.decisions.map((d) => d.message).join('; ')}`)
  return outcome.dataset
}

export function importText(text: string, options: CsvImportOptions = {}): CsvDataset {
  return datasetOf(parseText(text, options))
}

export function column(dataset: CsvDataset, name: string): DataColumn {
  const found = dataset.columns.find((c) => c.name === name)
  if (!found) throw new Error(`no column ${name} in ${dataset.columns.map((c) => c.name).join(', ')}`)
  return found
}

export function numbers(dataset: CsvDataset, name: string): number[] {
  return Array.from(column(dataset, name).values as Float64Array)
}

export function isoDates(dataset: CsvDataset): string[] {
  return Array.from(dataset.timestamps ?? [], (t) => new Date(t).toISOString())
}

export function refusalOf(run: () => unknown): CsvImportError {
  try {
    run()
  } catch (error) {
    if (error instanceof CsvImportError) return error
    throw error
  }
  throw new Error('expected a CsvImportError')
}

/** A CSV of `rows` lines from a generator of [time, value] cells. */
export function csvOf(header: string, rows: number, line: (i: number) => string): string {
  return [header, ...Array.from({ length: rows }, (_, i) => line(i))].join('\n') + '\n'
}

export const DAY = 86_400_000
