import { describe, expect, it } from 'vitest'
import {
  coverage,
  evaluateForecast,
  mae,
  mape,
  mase,
  maseScale,
  rmse,
  scaledIntervalScore,
  smape,
} from '../../../worker/statistics/metrics'

describe('point metrics', () => {
  const actual = [1, 2, 4]
  const forecast = [2, 2, 1]
  it('computes MAE, RMSE, MAPE and sMAPE by hand', () => {
    expect(mae(actual, forecast)).toBeCloseTo(4 / 3, 14)
    expect(rmse(actual, forecast)).toBeCloseTo(Math.sqrt(10 / 3), 14)
    expect(mape(actual, forecast)).toBeCloseTo((100 * (1 + 0 + 0.75)) / 3, 12)
    // 2|e|/(|y|+|f|): 2/3, 0, 6/5
    expect(smape(actual, forecast)).toBeCloseTo((100 * (2 / 3 + 1.2)) / 3, 12)
  })
  it('skips MAPE with a note when an actual is zero', () => {
    expect(mape([0, 1], [1, 1])).toBeNull()
    const m = evaluateForecast({ actual: [0, 1], forecast: [1, 1], train: [1, 2, 3], m: 1 })
    expect(m.mape).toBeNull()
    expect(m.notes.join(' ')).toMatch(/MAPE skipped/)
  })
  it('scales MASE by the in-sample seasonal naive MAE', () => {
    const train = [1, 5, 2, 6, 3, 8]
    // lag-2 differences: 1, 1, 1, 2 → scale 1.25
    expect(maseScale(train, 2)).toBeCloseTo(1.25, 14)
    expect(maseScale(train, 1)).toBeCloseTo((4 + 3 + 4 + 3 + 5) / 5, 14)
    expect(mase([4, 9], [3, 8], train, 2)).toBeCloseTo(1 / 1.25, 14)
    expect(mase([4, 9], [3, 8], [2, 2, 2], 1)).toBeNull()
  })
  it('counts interval coverage inclusively', () => {
    expect(coverage([1, 2, 3, 4], [0, 2, 3.5, 0], [1, 3, 4, 3.9])).toBe(0.5)
  })
  it("scores intervals as the M4 competition's MSIS: width, plus 2/α per unit outside, over the scale", () => {
    // Widths 2, 2, 2; at 95 % (2/α = 40) the second actual is 0.5 above, the third 1 below.
    const score = scaledIntervalScore([1, 3.5, -1], [0, 1, 0], [2, 3, 2], 95, 2)
    expect(score).toBeCloseTo((6 + 40 * 0.5 + 40 * 1) / 3 / 2, 12)
    // At 80 % the same misses cost 10 per unit: narrow bands that miss are punished less.
    expect(scaledIntervalScore([1, 3.5, -1], [0, 1, 0], [2, 3, 2], 80, 2)).toBeCloseTo(
      (6 + 5 + 10) / 3 / 2,
      12,
    )
  })
})
