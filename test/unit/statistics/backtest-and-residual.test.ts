import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { backtestOrigins, rollingOriginBacktest } from '../../../worker/statistics/backtest'
import { naiveForecast } from '../../../worker/statistics/baselines/lag-walk'
import {
  fromSeasonalResidualForecast,
  fromSeasonalResidualWindows,
  seasonalNaiveBase,
  toSeasonalResidualTargets,
  toSeasonalResidualWindows,
} from '../../../worker/statistics/seasonal-residual'

describe('rolling-origin backtest', () => {
  it('places K origins so that the last window ends the series', () => {
    expect(backtestOrigins(20, 3, 3, 2)).toEqual([13, 15, 17])
    expect(() => backtestOrigins(10, 5, 3, 5)).toThrow(/do not fit/)
  })
  it('scores each origin against what followed, passing refit through', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8]
    const seen: boolean[] = []
    const result = rollingOriginBacktest(y, {
      horizon: 2,
      origins: 2,
      m: 1,
      refit: true,
      forecaster: (history, h, context) => {
        seen.push(context.refit)
        const f = naiveForecast(history, h, [80])
        return { mean: f.mean, lower: { 80: f.intervals[0].lower }, upper: { 80: f.intervals[0].upper } }
      },
    })
    expect(seen).toEqual([true, true])
    expect(result.perOrigin.map((r) => r.origin)).toEqual([4, 6])
    // naive from 4 → errors 1, 2; from 6 → 1, 2: MAE 1.5, MASE 1.5 (unit steps)
    expect(result.perOrigin[0].metrics.mae).toBe(1.5)
    expect(result.overall.mae).toBe(1.5)
    expect(result.overall.mase).toBe(1.5)
    expect(result.overall.rmse).toBeCloseTo(Math.sqrt(2.5), 14)
    // in-sample mse = 1, so the 80% band is ±1.28·√k: error 1 at k = 1 is inside, error 2 at k = 2 is not
    expect(result.overall.coverage[80]).toBe(0.5)
  })
})

describe('seasonal residual learning', () => {
  it('takes the base from the last observed season', () => {
    const y = [1, 2, 3, 4, 5, 6, 7]
    // t = 5 (value 6), m = 3: k = 1..4 → y[3], y[4], y[5], y[3]
    expect(Array.from(seasonalNaiveBase(y, 5, 4, 3))).toEqual([4, 5, 6, 4])
    expect(Array.from(toSeasonalResidualTargets(y, 3, 3, 2))).toEqual([5 - 3, 6 - 4, 7 - 3])
  })
  it('inverts exactly for any series, origin, horizon and period', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 30, maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 15 }),
        (y, m, h) => {
          const last = y.length - h - 1
          fc.pre(last - m + 1 >= 0)
          const r = toSeasonalResidualTargets(y, last, h, m)
          expect(Array.from(fromSeasonalResidualForecast(r, y, last, m))).toEqual(
            y.slice(last + 1, last + 1 + h),
          )
        },
      ),
    )
  })
  it('round-trips window targets', () => {
    const series = Array.from({ length: 30 }, (_, t) => Math.sin(t) * 10 + t)
    const origins = Int32Array.from({ length: 20 }, (_, i) => 6 + i)
    const y = Float64Array.from(
      { length: origins.length * 5 },
      (_, i) => series[origins[Math.floor(i / 5)] + (i % 5)],
    )
    const r = toSeasonalResidualWindows(y, origins, series, 5, 4)
    const back = fromSeasonalResidualWindows(r, origins, series, 5, 4)
    back.forEach((v, i) => expect(v).toBeCloseTo(y[i], 12))
  })
})
