import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvImportError, parseCsvBytes } from '../../../electron/services/data'
import { bytesOf, datasetOf } from './helpers'

function outcomeOrRefusal(bytes: Uint8Array): 'ok' | 'needsDecision' | 'refused' {
  try {
    return parseCsvBytes(bytes, 'fuzz.csv').status
  } catch (error) {
    expect(error).toBeInstanceOf(CsvImportError)
    expect((error as CsvImportError).code).not.toBe('INTERNAL')
    expect((error as CsvImportError).message.startsWith('fuzz.csv')).toBe(true)
    return 'refused'
  }
}

const csvAlphabet = fc.constantFrom(
  ...'0123456789.,;\t|"\n\r -:/#TZNAaé'.split(''),
  '2020-01-01',
  'NaN',
  '1,234',
)

describe('parseCsvBytes never fails other than with a CsvImportError', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => void outcomeOrRefusal(bytes)),
      { numRuns: 300 },
    )
  })

  it('on CSV-like text', () => {
    const text = fc.array(csvAlphabet, { maxLength: 120 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (t) => void outcomeOrRefusal(bytesOf(t))),
      { numRuns: 400 },
    )
  })
})

describe('round trip of generated tables', () => {
  const dialect = fc.constantFrom(
    { delimiter: ',', decimal: '.' },
    { delimiter: ';', decimal: ',' },
    { delimiter: '\t', decimal: '.' },
    { delimiter: '|', decimal: '.' },
  )
  const value = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
    fc.constant(NaN),
  )
  const table = fc.array(fc.tuple(value, value), { minLength: 3, maxLength: 40 })

  it('reads back every value, missing count and daily timestamp', () => {
    fc.assert(
      fc.property(dialect, table, fc.boolean(), ({ delimiter, decimal }, rows, crlf) => {
        fc.pre(rows.some(([a]) => !Number.isNaN(a)) && rows.some(([, b]) => !Number.isNaN(b)))
        const cell = (v: number) => (Number.isNaN(v) ? 'NA' : String(v).replace('.', decimal))
        const lines = rows.map(([a, b], i) => [
          new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
          cell(a),
          cell(b),
        ])
        const text = [['day', 'a', 'b'], ...lines].map((l) => l.join(delimiter)).join(crlf ? '\r\n' : '\n')
        const d = datasetOf(parseCsvBytes(bytesOf(text), 'gen.csv'))
        expect(d.rowCount).toBe(rows.length)
        expect(Array.from(d.columns[1].values as Float64Array)).toEqual(rows.map(([a]) => a))
        expect(Array.from(d.columns[2].values as Float64Array)).toEqual(rows.map(([, b]) => b))
        expect(d.missing.a).toBe(rows.filter(([a]) => Number.isNaN(a)).length)
        expect(d.detected.frequency?.label).toBe('daily')
      }),
      { numRuns: 150 },
    )
  })
})

describe('number parsing', () => {
  it('rounds exactly like Number() for plain decimals of any length', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{0,20}$/)))
      .map(
        ([negative, whole, fraction]) =>
          `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`,
      )
    fc.assert(
      fc.property(decimal, (text) => {
        const d = datasetOf(parseCsvBytes(bytesOf(`v\n${text}\n1\n`), 'n.csv'))
        expect(Object.is((d.columns[0].values as Float64Array)[0], Number(text))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
