import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectCaseMatches, expectDataset, expectRefusal, importCase, loadCases } from './csv-cases'
import type { CsvCase } from './csv-cases'

const FIXTURES = resolve(__dirname, '../../fixtures/csv-cases')
const folders = [FIXTURES, ...(process.env.LSTM_CSV_CASES ? [resolve(process.env.LSTM_CSV_CASES)] : [])]

function expectDuplicateChoicesWork(dir: string, c: CsvCase): void {
  for (const duplicates of ['keepLast', 'average'] as const) {
    const dataset = expectDataset(importCase(dir, c.file, { duplicates }))
    const times = dataset.timestamps!
    expect(new Set(times).size).toBe(times.length)
    expectCaseMatches(dataset, { ...c, rows: undefined })
    expect(dataset.warnings.map((w) => w.code)).toContain('DUPLICATES_MERGED')
  }
  const refusal = expectRefusal(() => importCase(dir, c.file, { duplicates: 'refuse' }), c.file)
  expect(refusal.code).toBe('DUPLICATE_TIMESTAMPS')
  expect(refusal.line).not.toBeNull()
}

function expectDateOrderChoicesWork(dir: string, c: CsvCase): void {
  for (const dateOrder of ['dmy', 'mdy'] as const) {
    const outcome = importCase(dir, c.file, { dateOrder, duplicates: 'keepLast' })
    expect(outcome.status).toBe('ok')
    if (outcome.status === 'ok')
      expect(outcome.dataset.detected.dateOrder).toEqual({ order: dateOrder, basis: 'option' })
  }
}

for (const dir of folders) {
  describe(`CSV cases in ${dir}`, () => {
    it('has a cases.json', () => expect(existsSync(resolve(dir, 'cases.json'))).toBe(true))

    for (const c of loadCases(dir)) {
      if (c.valid === true) {
        it(`imports ${c.file}`, () => expectCaseMatches(expectDataset(importCase(dir, c.file)), c))
      } else if (c.valid === false) {
        it(`refuses ${c.file} (${c.why ?? 'invalid'}) with one message`, () => {
          expectRefusal(() => importCase(dir, c.file), c.file)
        })
      } else {
        describe(`${c.file} needs a decision (${c.why ?? ''})`, () => {
          it('asks instead of importing, then each choice imports or refuses cleanly', () => {
            const outcome = importCase(dir, c.file)
            expect(outcome.status).toBe('needsDecision')
            if (outcome.status !== 'needsDecision') return
            expect(outcome.decisions.length).toBeGreaterThan(0)
            for (const decision of outcome.decisions) {
              expect(decision.message.length).toBeGreaterThan(10)
              if (decision.kind === 'duplicateTimestamps') expectDuplicateChoicesWork(dir, c)
              else expectDateOrderChoicesWork(dir, c)
            }
          })
        })
      }
    }
  })
}
