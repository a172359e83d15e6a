import { describe, expect, it } from 'vitest'
import {
  calibrateConformal,
  conformalIntervals,
  conformalQuantile,
  conformalTestCoverage,
} from '../../../worker/statistics/conformal'

describe('split-conformal intervals', () => {
  it('uses the ⌈(n + 1)·level⌉-th smallest absolute residual', () => {
    const r = [-1, 2, -3, 4, 5, -6, 7, 8, 9]
    // n = 9: 80% → rank ⌈8⌉ = 8 → 8; 95% → rank ⌈9.5⌉ = 10 > 9 → unbounded
    expect(conformalQuantile(r, 80)).toBe(8)
    expect(conformalQuantile(r, 95)).toBe(Infinity)
    expect(conformalQuantile([...r, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], 95)).toBe(19)
  })
  it('calibrates per horizon step and ignores missing residuals', () => {
    const residuals = [
      [1, 10],
      [-2, NaN],
      [3, -30],
      [-4, 40],
    ]
    const cal = calibrateConformal(residuals, 2, [50])
    expect(cal.counts).toEqual([4, 3])
    // step 0: n = 4, rank ⌈2.5⌉ = 3 → 3; step 1: n = 3, rank 2 → 30
    expect(Array.from(cal.halfWidths[50])).toEqual([3, 30])
    const [band] = conformalIntervals(cal, [100, 200])
    expect(Array.from(band.lower)).toEqual([97, 170])
    expect(Array.from(band.upper)).toEqual([103, 230])
  })
  it('reaches the nominal coverage on exchangeable residuals', () => {
    let seed = 3
    const uniform = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1
    const calibration = Array.from({ length: 400 }, () => [uniform(), 3 * uniform()])
    const cal = calibrateConformal(calibration, 2)
    const forecasts = Array.from({ length: 2000 }, () => [0, 0])
    const actuals = forecasts.map(() => [uniform(), 3 * uniform()])
    const cov = conformalTestCoverage(cal, forecasts, actuals)
    expect(cov[80]).toBeGreaterThan(0.77)
    expect(cov[80]).toBeLessThan(0.84)
    expect(cov[95]).toBeGreaterThan(0.93)
  })
})
