import { describe, expect, it } from 'vitest'
import {
  driftForecast,
  naiveForecast,
  seasonalNaiveForecast,
} from '../../../worker/statistics/baselines/lag-walk'
import { meanForecast } from '../../../worker/statistics/baselines/mean-forecast'
import { evaluateForecast } from '../../../worker/statistics/metrics'
import { readBaselines, readSeries } from './read-samples'

const Z95 = 1.959963984540054

describe('simple baselines by hand', () => {
  const y = [1, 3, 2, 6]
  it('naive repeats the last value; variance grows with the step', () => {
    const f = naiveForecast(y, 2, [95])
    expect(Array.from(f.mean)).toEqual([6, 6])
    const mse = (4 + 1 + 16) / 3
    expect(f.intervals[0].upper[1]).toBeCloseTo(6 + Z95 * Math.sqrt(2 * mse), 12)
  })
  it('seasonal naive repeats the last season and widens per full season', () => {
    const f = seasonalNaiveForecast([1, 2, 3, 4, 5, 6], 3, 2, [95])
    expect(Array.from(f.mean)).toEqual([5, 6, 5])
    // residuals y_t − y_{t−2} are all 2 → mse 4
    expect(f.intervals[0].upper[0]).toBeCloseTo(5 + Z95 * 2, 12)
    expect(f.intervals[0].upper[2]).toBeCloseTo(5 + Z95 * 2 * Math.SQRT2, 12)
  })
  it('drift extends the first-to-last line with the slope standard error', () => {
    const f = driftForecast(y, 2, [95])
    expect(f.mean[0]).toBeCloseTo(6 + 5 / 3, 12)
    expect(f.mean[1]).toBeCloseTo(6 + 10 / 3, 12)
    const d = [2, -1, 4]
    const b = 5 / 3
    const ss = d.reduce((s, v) => s + (v - b) ** 2, 0)
    const se2 = Math.sqrt((ss / 3) * 2 + (2 * Math.sqrt(ss / 2 / 3)) ** 2)
    expect(f.intervals[0].lower[1]).toBeCloseTo(6 + 10 / 3 - Z95 * se2, 12)
  })
  it('a point forecast needs only a lag of history; intervals and a drift need one lag difference', () => {
    expect(Array.from(naiveForecast([5], 3, []).mean)).toEqual([5, 5, 5])
    expect(Array.from(seasonalNaiveForecast([1, 2], 3, 2, []).mean)).toEqual([1, 2, 1])
    expect(() => naiveForecast([5], 3)).toThrow('Naive: needs more than 1 observations for intervals, got 1')
    expect(() => driftForecast([5], 3, [])).toThrow(
      'Drift: needs more than 1 observations for a drift, got 1',
    )
    expect(() => seasonalNaiveForecast([1], 3, 2, [])).toThrow('needs at least 2 observations, got 1')
  })

  it('mean uses the t interval with sqrt(1 + 1/n)', () => {
    const f = meanForecast(y, 2, [95])
    expect(Array.from(f.mean)).toEqual([3, 3])
    const half = 3.182446305284263 * Math.sqrt(14 / 3) * Math.sqrt(1 + 1 / 4)
    expect(f.intervals[0].upper[0]).toBeCloseTo(3 + half, 9)
  })
})

describe('naive and seasonal naive agree with R forecast 8.20 on every sample series', () => {
  const rows = readBaselines().filter((r) => r.method === 'naive' || r.method === 'snaive')
  it.each(rows.map((r) => [r.series, r.method, r] as const))('%s %s', (_series, method, r) => {
    const y = readSeries(r.series).values
    const train = y.slice(0, r.nTrain)
    const actual = y.slice(r.nTrain)
    const f = method === 'naive' ? naiveForecast(train, r.h) : seasonalNaiveForecast(train, r.h, r.frequency)
    const m = evaluateForecast({ actual, forecast: f.mean, train, m: r.frequency, intervals: f.intervals })
    const rel = (ours: number, theirs: number) => Math.abs(ours / theirs - 1)
    expect(rel(m.mae, r.mae)).toBeLessThan(1e-4)
    expect(rel(m.mase!, r.mase)).toBeLessThan(1e-4)
    expect(rel(m.maseScale, r.maseScale)).toBeLessThan(1e-4)
    expect(rel(m.rmse, r.rmse)).toBeLessThan(1e-4)
    expect(rel(m.smape, r.smape)).toBeLessThan(1e-4)
    expect(m.coverage[80]).toBeCloseTo(r.cov80, 5)
    expect(m.coverage[95]).toBeCloseTo(r.cov95, 5)
  })
})
