import { describe, expect, it } from 'vitest'
import {
  centredMovingAverage,
  multiplicativeSeasonalIndices,
} from '../../../../worker/statistics/seasonality/multiplicative-decomposition'
import { deseasonalise, indicesAhead } from '../../../../worker/statistics/seasonality/deseasonalise'
import { readSeries } from '../read-samples'

describe('classical multiplicative decomposition', () => {
  it('takes a 2×m centred average for even periods and a plain one for odd', () => {
    const y = [1, 2, 3, 4, 5, 6]
    const even = centredMovingAverage(y, 2)
    expect(Number.isNaN(even[0])).toBe(true)
    expect(even[1]).toBeCloseTo((0.5 * 1 + 2 + 0.5 * 3) / 2, 14)
    expect(Number.isNaN(even[5])).toBe(true)
    const odd = centredMovingAverage([1, 4, 7, 1, 4], 3)
    expect(Array.from(odd.subarray(1, 4))).toEqual([4, 4, 4])
  })
  it("matches R's decompose(AirPassengers, 'multiplicative')$figure", () => {
    const figure = [
      0.9102304, 0.8836253, 1.0073663, 0.975906, 0.981378, 1.1127758, 1.2265555, 1.219911, 1.0604919,
      0.9217572, 0.8011781, 0.8988244,
    ]
    const indices = multiplicativeSeasonalIndices(readSeries('AirPassengers').values, 12)
    figure.forEach((v, i) => expect(indices[i]).toBeCloseTo(v, 6))
  })
  it('recovers an exact seasonal pattern around a flat level, counted from the first point', () => {
    const pattern = [0.5, 1, 1.5, 1]
    const y = Array.from({ length: 41 }, (_, t) => 20 * pattern[t % 4])
    const adjustment = deseasonalise(y, 4)
    expect(adjustment.seasonal).toBe(true)
    pattern.forEach((v, i) => expect(adjustment.indices[i]).toBeCloseTo(v, 12))
    adjustment.adjusted.forEach((v) => expect(v).toBeCloseTo(20, 10))
    // 41 points: the next one sits at position 41 mod 4 = 1
    expect(Array.from(indicesAhead(adjustment, 3))).toEqual([1, 1.5, 1])
  })
  it('leaves non-seasonal and non-positive series alone', () => {
    const y = Array.from({ length: 41 }, (_, t) => (t % 4 === 0 ? -5 : 5))
    const adjustment = deseasonalise(y, 4)
    expect(adjustment.seasonal).toBe(false)
    expect(Array.from(adjustment.adjusted)).toEqual(y)
  })
  it('refuses to decompose fewer than two seasons', () => {
    expect(() => multiplicativeSeasonalIndices([1, 2, 3, 4, 5], 4)).toThrow(/two full seasons/)
  })
})
