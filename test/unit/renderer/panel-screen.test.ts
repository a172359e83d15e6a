import { describe, expect, it } from 'vitest'
import type { PanelSeriesDetail, PanelSeriesRow } from '../../../electron/api/requests/panel'
import { histogram } from '../../../renderer/src/screens/panel/histogram'
import { seriesChartData } from '../../../renderer/src/screens/panel/series-chart-data'
import { bestAndWorst, keyText, tableRows } from '../../../renderer/src/screens/panel/series-table'
import { sparklinePaths } from '../../../renderer/src/screens/panel/sparkline'
import { rowWindow } from '../../../renderer/src/screens/panel/virtual-window'

function row(index: number, key: string[], smape: number | null, length = 10): PanelSeriesRow {
  return {
    index,
    key,
    length,
    missing: 0,
    smape,
    mase: smape,
    bestBaseline: 'theta',
    baselineSmape: 5,
    baselineMase: 1,
    spark: [],
  }
}

const rows = [row(0, ['S10'], 3), row(1, ['S2'], null), row(2, ['s1', 'x'], 9), row(3, ['T1'], 1)]

describe('the series table', () => {
  it('searches keys in any case and joins multi-column keys', () => {
    expect(tableRows(rows, ' s1', { column: 'key', descending: false }).map(keyText)).toEqual([
      's1 / x',
      'S10',
    ])
  })
  it('sorts keys in natural order and scores with unscored series last either way', () => {
    expect(tableRows(rows, '', { column: 'key', descending: false }).map((r) => r.index)).toEqual([
      2, 1, 0, 3,
    ])
    expect(tableRows(rows, '', { column: 'smape', descending: false }).map((r) => r.index)).toEqual([
      3, 0, 2, 1,
    ])
    expect(tableRows(rows, '', { column: 'smape', descending: true }).map((r) => r.index)).toEqual([
      2, 0, 3, 1,
    ])
  })
  it('names the best and the worst scored series', () => {
    const { best, worst } = bestAndWorst(rows, 2)
    expect(best.map((r) => r.index)).toEqual([3, 0])
    expect(worst.map((r) => r.index)).toEqual([2, 0])
  })
})

describe('the virtual window', () => {
  it('renders the rows in view plus a margin, with spacers for the rest', () => {
    expect(rowWindow(0, 320, 32, 10_000, 6)).toEqual({ start: 0, end: 16, before: 0, after: 9_984 * 32 })
    const middle = rowWindow(32 * 5_000, 320, 32, 10_000, 6)
    expect(middle).toMatchObject({ start: 4_994, end: 5_016 })
    expect(middle.before + (middle.end - middle.start) * 32 + middle.after).toBe(10_000 * 32)
  })
  it('stays inside a short list whatever the scroll offset', () => {
    expect(rowWindow(10_000, 320, 32, 3)).toEqual({ start: 3, end: 3, before: 96, after: 0 })
  })
})

describe('the histogram of errors', () => {
  it('bins finite values in equal widths, the maximum in the last bin', () => {
    const bins = histogram([0, 1, 2, 3, 4, null, NaN], 2)
    expect(bins).toEqual([
      { from: 0, to: 2, count: 2 },
      { from: 2, to: 4, count: 3 },
    ])
  })
  it('puts equal values in one bin and has no bin without values', () => {
    expect(histogram([2, 2], 5)).toEqual([{ from: 2, to: 2, count: 2 }])
    expect(histogram([null], 5)).toEqual([])
  })
})

describe('the sparkline', () => {
  it('breaks the line at a missing value and scales to the box', () => {
    expect(sparklinePaths([0, 10, null, 5], 30, 10)).toEqual(['0.0,10.0 10.0,0.0', '30.0,5.0'])
    expect(sparklinePaths([null], 30, 10)).toEqual([])
  })
})

describe('one series’ chart', () => {
  const labels = { history: 'H', testForecast: 'T', forecast: 'F', band80: 'B80', band95: 'B95' }
  it('puts the held-out forecast on the history’s end and the forecast after it, bands widest first', () => {
    const detail: PanelSeriesDetail = {
      index: 0,
      key: ['a'],
      timestamps: null,
      history: [1, 2, 3, 4],
      forecastTimestamps: null,
      forecast: [5, 6],
      intervals: [
        { level: 80, lower: [4, 5], upper: [6, 7] },
        { level: 95, lower: [3, null], upper: [7, null] },
      ],
      testForecast: [3.5, 4.5],
    }
    const specs = seriesChartData(detail, labels)
    expect(specs.map((s) => s.label)).toEqual(['H', 'T', 'B95 −', 'B95', 'B80 −', 'B80', 'F'])
    expect(specs[1]!.data).toEqual([
      { x: 2, y: 3.5 },
      { x: 3, y: 4.5 },
    ])
    expect(specs.at(-1)!.data.map((p) => p.x)).toEqual([4, 5])
    expect(specs[3]!.fill).toBe('-1')
  })
})
