import { describe, expect, it } from 'vitest'
import { autocorrelation } from '../../../../worker/statistics/seasonality/autocorrelation'
import { isSeasonal, seasonalityLimit } from '../../../../worker/statistics/seasonality/seasonality-test'
import { seededRandom } from '../../../../worker/statistics/stats/random'
import { readSeries } from '../read-samples'

describe('autocorrelation', () => {
  it('centres on the whole mean and divides by the whole sum of squares', () => {
    // deviations −1.5, −0.5, 0.5, 1.5: Σ² = 5; lag-1 products 0.75 − 0.25 + 0.75 = 1.25
    expect(autocorrelation([1, 2, 3, 4], 1)).toBeCloseTo(0.25, 14)
    expect(autocorrelation([1, 2, 3, 4], 0)).toBeCloseTo(1, 14)
    expect(autocorrelation([5, 5, 5], 1)).toBe(0)
  })
  it('refuses a negative lag', () => {
    expect(() => autocorrelation([1, 2], -1)).toThrow(/lag/)
  })
})

describe("M4's 90 % seasonality test", () => {
  it('uses Bartlett’s limit over the lags below the period', () => {
    const y = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8]
    const r1 = autocorrelation(y, 1)
    const r2 = autocorrelation(y, 2)
    expect(seasonalityLimit(y, 3)).toBeCloseTo(1.645 * Math.sqrt((1 + 2 * (r1 * r1 + r2 * r2)) / 12), 14)
  })
  it('finds the season of AirPassengers and none in white noise', () => {
    expect(isSeasonal(readSeries('AirPassengers').values, 12)).toBe(true)
    const random = seededRandom(7)
    expect(
      isSeasonal(
        Array.from({ length: 120 }, () => 50 + random.normal()),
        4,
      ),
    ).toBe(false)
  })
  it('never calls a series seasonal with period 1 or fewer than three seasons', () => {
    // One spike per season of 6: r_6 is far beyond the limit (0.52 against 0.45 at 17 points).
    const spikes = (n: number): number[] => Array.from({ length: n }, (_, t) => (t % 6 === 5 ? 2 : 1))
    expect(isSeasonal(spikes(18), 6)).toBe(true)
    expect(Math.abs(autocorrelation(spikes(17), 6))).toBeGreaterThan(seasonalityLimit(spikes(17), 6))
    expect(isSeasonal(spikes(17), 6)).toBe(false)
    expect(isSeasonal(spikes(60), 1)).toBe(false)
  })
  it('refuses a period that is not a whole number', () => {
    expect(() => isSeasonal([1, 2, 3], 2.5)).toThrow(/period/)
  })
})
