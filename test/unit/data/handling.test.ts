import { describe, expect, it } from 'vitest'
import { defaultColumnRoles } from '../../../electron/services/data'
import { importText, isoDates, numbers, parseText, refusalOf } from './helpers'

// Uneven spacing on purpose: interpolation must follow time, not row positions.
const GAPPY = 'date,a,b\n2020-01-01,0,1\n2020-01-02,,NA\n2020-01-04,30,3\n2020-01-05,40,\n'

describe('missing values', () => {
  it('keeps NaN by default and counts per column', () => {
    const d = importText(GAPPY)
    expect(d.missing).toEqual({ date: 0, a: 1, b: 2 })
    expect(numbers(d, 'a')).toEqual([0, NaN, 30, 40])
  })

  it('interpolates linearly in time, carrying the edge value outward', () => {
    const d = importText(GAPPY, { missing: 'interpolate' })
    expect(numbers(d, 'a')).toEqual([0, 10, 30, 40])
    numbers(d, 'b').forEach((v, i) => expect(v).toBeCloseTo([1, 5 / 3, 3, 3][i], 12))
    expect(d.missing).toEqual({ date: 0, a: 1, b: 2 })
    expect(d.warnings.map((w) => w.code)).toContain('MISSING_FILLED')
  })

  it('interpolates by position without a time column', () => {
    expect(numbers(importText('v\n1\nNA\nNA\n4\n', { missing: 'interpolate' }), 'v')).toEqual([1, 2, 3, 4])
  })

  it('fills forward, leading gaps from the first known value', () => {
    const d = importText('date,a\n2020-01-01,\n2020-01-02,2\n2020-01-03,\n2020-01-04,4\n', {
      missing: 'forwardFill',
    })
    expect(numbers(d, 'a')).toEqual([2, 2, 2, 4])
  })

  it('drops incomplete rows', () => {
    const d = importText(GAPPY, { missing: 'dropRows' })
    expect(d.rowCount).toBe(2)
    expect(isoDates(d)).toEqual(['2020-01-01T00:00:00.000Z', '2020-01-04T00:00:00.000Z'])
    const noneComplete = 'date,a,b\n2020-01-01,,1\n2020-01-02,1,\n'
    expect(refusalOf(() => importText(noneComplete, { missing: 'dropRows' })).code).toBe('NO_DATA_ROWS')
  })

  it('refuses a missing timestamp with its line', () => {
    const refusal = refusalOf(() => importText('date,a\n2020-01-01,1\n,2\n'))
    expect(refusal.code).toBe('BAD_TIMESTAMP')
    expect(refusal.line).toBe(3)
  })
})

describe('sorting and duplicate timestamps', () => {
  const UNSORTED_DUPES =
    'date,v,tag\n2020-01-03,3,c\n2020-01-01,1,a\n2020-01-03,5,d\n2020-01-02,2,b\n2020-01-03,,e\n'

  it('describes the duplicates and waits for a choice', () => {
    const outcome = parseText(UNSORTED_DUPES)
    expect(outcome.status).toBe('needsDecision')
    if (outcome.status !== 'needsDecision') return
    const decision = outcome.decisions[0]
    expect(decision.kind).toBe('duplicateTimestamps')
    if (decision.kind !== 'duplicateTimestamps') return
    expect(decision.groups).toEqual([{ timestampMs: Date.UTC(2020, 0, 3), lines: [2, 4, 6] }])
    expect(decision.totalDuplicateRows).toBe(2)
    expect(decision.message).toContain('2020-01-03')
    expect(outcome.rowCount).toBe(5)
  })

  it('keeps the last row in file order after a stable sort', () => {
    const d = importText(UNSORTED_DUPES, { duplicates: 'keepLast' })
    expect(isoDates(d).map((s) => s.slice(0, 10))).toEqual(['2020-01-01', '2020-01-02', '2020-01-03'])
    expect(numbers(d, 'v')).toEqual([1, 2, NaN])
    expect(d.columns.find((c) => c.name === 'tag')!.values).toEqual(['a', 'b', 'e'])
    expect(d.warnings.map((w) => w.code)).toEqual(['UNSORTED_ROWS', 'DUPLICATES_MERGED'])
  })

  it('averages the known values of a duplicated timestamp', () => {
    expect(numbers(importText(UNSORTED_DUPES, { duplicates: 'average' }), 'v')).toEqual([1, 2, 4])
  })

  it('refuses on request, naming the second occurrence', () => {
    const refusal = refusalOf(() => importText(UNSORTED_DUPES, { duplicates: 'refuse' }))
    expect(refusal.message).toBe('test.csv, line 4: duplicate timestamp 2020-01-03')
  })
})

describe('default column roles', () => {
  it('time, first numeric as target, other numerics as covariates, text ignored', () => {
    const d = importText('label,date,y,x1,x2\na,2020-01-01,1,2,3\nb,2020-01-02,4,5,6\n')
    expect(defaultColumnRoles(d.columns)).toEqual({
      label: 'ignored',
      date: 'time',
      y: 'target',
      x1: 'covariate',
      x2: 'covariate',
    })
  })
})
