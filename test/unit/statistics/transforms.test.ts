import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { difference, integrate, undifference } from '../../../worker/statistics/differencing'
import { Scaler } from '../../../worker/statistics/scaler'
import { TargetTransform } from '../../../worker/statistics/target-transform'

describe('Scaler', () => {
  it('z-scores with the training mean and population sd only', () => {
    const s = Scaler.fit([1, 2, 3, 4], { kind: 'zscore' })
    const sd = Math.sqrt(1.25)
    expect(s.transformValue(2.5)).toBe(0)
    expect(s.transformValue(100)).toBeCloseTo((100 - 2.5) / sd, 12)
  })
  it('min-max maps the training range to [0, 1]', () => {
    const s = Scaler.fit([2, 4, 6], { kind: 'minmax' })
    expect(Array.from(s.transform([2, 6, 8]))).toEqual([0, 1, 1.5])
  })
  it('refuses non-positive values under log and accepts zeros under log1p', () => {
    expect(() => Scaler.fit([1, 0, 2], { kind: 'none', log: 'log' })).toThrow(/strictly positive/)
    const s = Scaler.fit([0, 1, 3], { kind: 'none', log: 'log1p' })
    expect(s.transformValue(3)).toBeCloseTo(Math.log(4), 14)
  })
  it('survives a JSON round trip and inverts every configuration', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 20 }),
        fc.constantFrom('zscore', 'minmax', 'none'),
        fc.constantFrom('none', 'log', 'log1p'),
        (values, kind, log) => {
          const s = Scaler.fromJSON(JSON.parse(JSON.stringify(Scaler.fit(values, { kind, log }).toJSON())))
          const back = s.inverse(s.transform(values))
          values.forEach((v, i) => expect(back[i]).toBeCloseTo(v, 6))
        },
      ),
    )
  })
  it('does not divide by zero on a constant column', () => {
    const s = Scaler.fit([5, 5, 5], { kind: 'zscore' })
    expect(s.transformValue(6)).toBe(1)
  })
})

describe('differencing', () => {
  it('takes first and seasonal differences', () => {
    expect(Array.from(difference([1, 4, 9, 16]))).toEqual([3, 5, 7])
    expect(Array.from(difference([1, 2, 3, 5, 7, 9], 3))).toEqual([4, 5, 6])
  })
  it('cumulates forecasts from the last known values', () => {
    expect(Array.from(undifference([1, 1, 1], [0, 10]))).toEqual([11, 12, 13])
    // seasonal lag 2: last season [5, 7], differences [1, 2, 1]
    expect(Array.from(undifference([1, 2, 1], [0, 5, 7], 2))).toEqual([6, 9, 7])
  })
  it('integrate inverts difference exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 5, maxLength: 30 }),
        fc.integer({ min: 1, max: 4 }),
        (y, lag) => {
          expect(Array.from(integrate(difference(y, lag), y.slice(0, lag)))).toEqual(y)
        },
      ),
    )
  })
})

describe('TargetTransform pipeline', () => {
  it('logs, differences seasonally and scales, then inverts a forecast exactly', () => {
    const y = Array.from(
      { length: 24 },
      (_, t) => 100 * 1.01 ** t * (1 + 0.2 * Math.sin((2 * Math.PI * t) / 4)),
    )
    const train = y.slice(0, 16)
    const transform = TargetTransform.fit(train, {
      kind: 'zscore',
      log: 'log',
      difference: 'seasonal',
      period: 4,
    })
    const restored = TargetTransform.fromJSON(JSON.parse(JSON.stringify(transform.toJSON())))
    const z = restored.transform(y)
    expect(z.length).toBe(20)
    // the transformed future (indices 16..23 of y ↔ 12..19 of z) maps back to the actual future
    const back = restored.inverseForecast(z.slice(12), train)
    back.forEach((v, i) => expect(v).toBeCloseTo(y[16 + i], 9))
  })
  it('fits its statistics on the training values only', () => {
    const t = TargetTransform.fit([1, 2, 3], { kind: 'minmax' })
    expect(Array.from(t.transform([1, 3, 5]))).toEqual([0, 1, 2])
  })
})
