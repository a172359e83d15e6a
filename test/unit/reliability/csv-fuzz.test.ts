import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvImportError, parseCsvBytes } from '../../../electron/services/data'
import type { ImportOutcome } from '../../../electron/services/data'

const casesDir = path.resolve(__dirname, '../../fixtures/csv-cases')
const cases = readdirSync(casesDir)
  .filter((file) => /\.(csv|tsv)$/.test(file))
  .map((file) => ({ file, bytes: new Uint8Array(readFileSync(path.join(casesDir, file))) }))

/** The importer's whole contract: an outcome, or one CsvImportError naming the file — nothing else. */
function importOrRefuse(bytes: Uint8Array, fileName: string): ImportOutcome | CsvImportError {
  try {
    return parseCsvBytes(bytes, fileName)
  } catch (error) {
    expect(error).toBeInstanceOf(CsvImportError)
    expect((error as CsvImportError).message.startsWith(fileName)).toBe(true)
    return error as CsvImportError
  }
}

type Mutation = { kind: 'flip' | 'delete' | 'insert' | 'truncate' | 'duplicate'; at: number; byte: number }

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let current = Array.from(bytes)
  for (const { kind, at, byte } of mutations) {
    const i = current.length === 0 ? 0 : at % current.length
    if (kind === 'flip') current[i] = byte
    else if (kind === 'delete') current.splice(i, 1)
    else if (kind === 'insert') current.splice(i, 0, byte)
    else if (kind === 'truncate') current = current.slice(0, i)
    else current = [...current.slice(0, i), ...current.slice(i)] // a repeated tail, as from a botched append
  }
  return Uint8Array.from(current)
}

const mutation = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('flip', 'delete', 'insert', 'truncate', 'duplicate'),
  at: fc.nat(),
  // Bytes that matter to CSV: separators, quotes, line ends, NUL, high bytes, digits.
  byte: fc.constantFrom(0x00, 0x0a, 0x0d, 0x22, 0x2c, 0x3b, 0x09, 0x7c, 0x2e, 0xff, 0xfe, 0xe9, 0x31, 0x41),
})

describe('mutated versions of the CSV cases', () => {
  it('always give an outcome or one clear refusal', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (source, edits) => {
          void importOrRefuse(mutate(source.bytes, edits), source.file)
        },
      ),
      { numRuns: 300, seed: 20261127 },
    )
  })
})

type Encoding = 'utf-8' | 'utf-16le' | 'latin1'

function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text)
  if (encoding === 'latin1') return Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff)
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes[0] = 0xff
  bytes[1] = 0xfe
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8
  }
  return bytes
}

describe('generated tables in random encodings, quoting and line endings', () => {
  const dialect = fc.constantFrom(
    { delimiter: ',', decimal: '.' },
    { delimiter: ';', decimal: ',' },
    { delimiter: '\t', decimal: '.' },
    { delimiter: '|', decimal: ',' },
  )
  const value = fc.integer({ min: -99_999, max: 99_999 }).map((n) => n / 100)
  const rows = fc.array(value, { minLength: 4, maxLength: 50 })

  it('round-trip their row count and values', () => {
    fc.assert(
      fc.property(
        dialect,
        rows,
        fc.constantFrom<Encoding>('utf-8', 'utf-16le', 'latin1'),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n', '\r'),
        ({ delimiter, decimal }, values, encoding, quoted, lineEnd) => {
          const quote = (cell: string) => (quoted ? `"${cell}"` : cell)
          const header = ['période', 'mesure'].map(quote).join(delimiter)
          const lines = values.map((v, i) =>
            [new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10), String(v).replace('.', decimal)]
              .map(quote)
              .join(delimiter),
          )
          const outcome = importOrRefuse(
            encode([header, ...lines].join(lineEnd) + lineEnd, encoding),
            'gen.csv',
          )
          expect(outcome).not.toBeInstanceOf(CsvImportError)
          const dataset = (outcome as ImportOutcome & { status: 'ok' }).dataset
          expect(outcome).toMatchObject({ status: 'ok' })
          expect(dataset.rowCount).toBe(values.length)
          expect(dataset.columns.map((column) => column.name)).toEqual(['période', 'mesure'])
          expect(Array.from(dataset.columns[1]!.values as Float64Array)).toEqual(values)
        },
      ),
      { numRuns: 200, seed: 7 },
    )
  })
})
