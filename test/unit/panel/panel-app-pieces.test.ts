import { describe, expect, it } from 'vitest'
import { panelFromColumnar, panelToColumnar } from '../../../electron/services/data/panel/panel-columnar'
import { panelForecastWideCsv } from '../../../electron/services/forecasting/panel-forecast-wide-csv'
import { bestBaseline, intervalCoverage } from '../../../electron/services/runs/panel-series-scores'
import { evaluatePanel } from '../../../worker/panel/panel-evaluation'
import { CacheDamagedError } from '../../../electron/services/projects/errors'

const DAY = 86_400_000

describe('a panel in the columnar cache', () => {
  it('comes back series by series, keys, dates and missing values kept', () => {
    const series = [
      { key: ['s1', 'a'], values: Float64Array.of(1, NaN, 3), timestamps: Float64Array.of(0, DAY, 2 * DAY) },
      { key: ['s1', 'b'], values: Float64Array.of(7), timestamps: Float64Array.of(5 * DAY) },
      { key: ['s2', 'a'], values: Float64Array.of(4, 5), timestamps: Float64Array.of(DAY, 2 * DAY) },
    ]
    const table = panelToColumnar(['store', 'product'], series)
    expect(table.rowCount).toBe(6)
    const back = panelFromColumnar(table, 2, 'x.cache')
    expect(back.map((s) => s.key)).toEqual([
      ['s1', 'a'],
      ['s1', 'b'],
      ['s2', 'a'],
    ])
    expect(Array.from(back[0].values)).toEqual([1, NaN, 3])
    expect(Array.from(back[2].timestamps!)).toEqual([DAY, 2 * DAY])
  })
  it('keeps series without dates as plain indices', () => {
    const table = panelToColumnar(['id'], [{ key: ['x'], values: [1, 2], timestamps: null }])
    expect(panelFromColumnar(table, 1, 'x.cache')[0].timestamps).toBeNull()
  })
  it('refuses a cache that is not a panel of that many keys', () => {
    const table = panelToColumnar(['id'], [{ key: ['x'], values: [1, 2], timestamps: null }])
    expect(() => panelFromColumnar(table, 2, 'x.cache')).toThrow(CacheDamagedError)
  })
})

describe('the wide forecast CSV', () => {
  it('has one column per series and an empty cell outside a series’ horizon', () => {
    const csv = panelForecastWideCsv({
      keyNames: ['id'],
      frequency: { unit: 'day', step: 1 },
      series: [
        { key: ['a'], lastTimestamp: 0, forecast: [1, 2] },
        { key: ['b,c'], lastTimestamp: DAY, forecast: [3, 4] },
      ],
    })
    expect(csv).toBe('date,a,"b,c"\n1970-01-02,1,\n1970-01-03,2,3\n1970-01-04,,4\n')
  })
})

describe('the Panel screen’s scores', () => {
  it('scores every baseline on a series and names the best', () => {
    const train = Float64Array.from({ length: 12 }, (_, t) => 10 + t)
    const { baselineSeries } = evaluatePanel(
      [train, new Float64Array(0)],
      [[22, 23, 24], [1]],
      [[0, 0, 0], [1]],
      1,
    )
    const scores = baselineSeries[0]!
    expect(Object.keys(scores).sort()).toEqual(['ets', 'naive', 'naive2', 'seasonalNaive', 'theta'])
    // A straight line: ETS (Holt's trend) extends it, Theta follows it more slowly, the naive methods stay at 21.
    expect(bestBaseline(scores)).toBe('ets')
    expect(scores.ets.smape).toBeLessThan(scores.theta.smape)
    expect(scores.naive.smape).toBeGreaterThan(scores.theta.smape)
    expect(baselineSeries[1]).toBeNull()
  })
  it('judges a series whose training part is one point by sMAPE alone (no MASE scale)', () => {
    const train = Float64Array.from({ length: 12 }, (_, t) => 10 + t)
    const { series, baselines, baselineSeries } = evaluatePanel(
      [train, Float64Array.of(5)],
      [
        [22, 23],
        [6, 7],
      ],
      [
        [22, 23],
        [5, 5],
      ],
      4,
    )
    expect(series[1]!.mase).toBeNull()
    expect(baselineSeries[1]!.naive.mase).toBeNull()
    expect(baselineSeries[1]!.naive.smape).toBeGreaterThan(0)
    expect(baselines.naive.maseSkipped).toBe(1)
  })
  it('counts held-out points inside the bounded bands only', () => {
    const band = (lower: number[], upper: number[]) => ({
      level: 80,
      lower: Float64Array.from(lower),
      upper: Float64Array.from(upper),
    })
    const coverage = intervalCoverage(
      [
        [1, 5],
        [2, 2],
      ],
      [[band([0, 0], [2, 2])], [band([-Infinity, 1], [Infinity, 3])]],
      80,
    )
    expect(coverage).toBeCloseTo(2 / 3, 12)
    expect(intervalCoverage([[1]], [[]], 95)).toBeNull()
  })
})
