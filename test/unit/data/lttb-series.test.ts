import { describe, expect, it } from 'vitest'
import { toSeries } from '../../../electron/services/datasets/columnar'
import type { ColumnarDataset } from '../../../electron/services/projects'
import { lttbIndices } from '../../../worker/timeseries/lttb'

describe('LTTB row selection', () => {
  it('keeps every row when there are fewer than asked for', () => {
    expect(Array.from(lttbIndices([0, 1, 2], [5, 6, 7], 0, 3, 10))).toEqual([0, 1, 2])
  })

  it('keeps the first and last rows, rising indices, and the peaks of a spiky series', () => {
    const n = 10_000
    const x = Float64Array.from({ length: n }, (_, i) => i)
    const y = Float64Array.from({ length: n }, (_, i) => (i % 997 === 0 ? 100 : Math.sin(i / 50)))
    const rows = lttbIndices(x, y, 0, n, 500)
    expect(rows).toHaveLength(500)
    expect(rows[0]).toBe(0)
    expect(rows[rows.length - 1]).toBe(n - 1)
    for (let i = 1; i < rows.length; i++) expect(rows[i]!).toBeGreaterThan(rows[i - 1]!)
    const spikes = Array.from({ length: Math.floor((n - 1) / 997) }, (_, k) => (k + 1) * 997)
    expect(spikes.every((spike) => rows.includes(spike))).toBe(true)
  })

  it('never picks a missing value while the bucket has real ones', () => {
    const y = Float64Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? Number.NaN : Math.cos(i)))
    y[999] = 1
    const rows = lttbIndices(
      Float64Array.from({ length: 1000 }, (_, i) => i),
      y,
      0,
      1000,
      50,
    )
    expect(rows.slice(1, -1).every((row) => !Number.isNaN(y[row]!))).toBe(true)
  })
})

describe('a dataset series for charts', () => {
  const rowCount = 100_000
  const table: ColumnarDataset = {
    rowCount,
    columns: [
      {
        name: 'time',
        kind: 'numeric',
        values: Float64Array.from({ length: rowCount }, (_, i) => i * 60_000),
      },
      {
        name: 'load',
        kind: 'numeric',
        values: Float64Array.from({ length: rowCount }, (_, i) => Math.sin(i / 100)),
      },
      { name: 'temp', kind: 'numeric', values: Float64Array.from({ length: rowCount }, (_, i) => i) },
    ],
  }
  const roles = { time: 'time', load: 'target', temp: 'covariate' } as const

  it('is thinned to maxPoints with the same rows in every column, and says so', () => {
    const series = toSeries('d', table, roles, { maxPoints: 2_000 })
    expect(series).toMatchObject({ rowCount, start: 0, decimated: true, timeColumn: 'time' })
    expect(series.timestamps).toHaveLength(2_000)
    // temp equals the row index: the covariate was thinned by the target's rows.
    series.columns[1]!.values.forEach((value, i) => expect(value).toBe(series.timestamps![i]! / 60_000))
  })

  it('returns a zoomed range of rows in full when it fits', () => {
    const series = toSeries('d', table, roles, { maxPoints: 2_000, start: 5_000, end: 6_000 })
    expect(series).toMatchObject({ start: 5_000, decimated: false })
    expect(series.timestamps![0]).toBe(5_000 * 60_000)
    expect(series.columns[0]!.values).toHaveLength(1_000)
  })
})
