import { describe, expect, it } from 'vitest'
import { makeForecastInput, makeWindows } from '../../../worker/forecast/windows'

const target = [0, 1, 2, 3, 4, 5, 6]
const past = [10, 11, 12, 13, 14, 15, 16]
const future = [20, 21, 22, 23, 24, 25, 26]

describe('makeWindows', () => {
  it('lays out X [N, L, F] and Y [N, H] with origins', () => {
    const w = makeWindows(
      { columns: [target] },
      { lookback: 3, horizon: 2, targets: [0], precision: 'float64' },
    )
    expect(Array.from(w.origins)).toEqual([3, 4, 5])
    expect(w.features).toBe(1)
    expect(Array.from(w.x)).toEqual([0, 1, 2, 1, 2, 3, 2, 3, 4])
    expect(Array.from(w.y)).toEqual([3, 4, 4, 5, 5, 6])
  })
  it('shifts known-future covariates forward by the horizon', () => {
    const w = makeWindows(
      { columns: [target, past, future] },
      { lookback: 2, horizon: 2, targets: [0], pastCovariates: [1], futureCovariates: [2], stride: 2 },
    )
    expect(Array.from(w.origins)).toEqual([2, 4])
    expect(w.featureNames).toEqual(['target0', 'past1', 'future2'])
    // origin 2: steps τ = 0, 1 → [y_τ, past_τ, future_{τ+2}]; the last H steps carry future_2, future_3
    expect(Array.from(w.x.subarray(0, 6))).toEqual([0, 10, 22, 1, 11, 23])
    expect(Array.from(w.y.subarray(0, 2))).toEqual([2, 3])
  })
  it('keeps every read inside [firstOrigin − L, end) so splits do not leak', () => {
    const w = makeWindows(
      { columns: [target, future] },
      { lookback: 2, horizon: 2, targets: [0], futureCovariates: [1], end: 5 },
    )
    expect(Array.from(w.origins)).toEqual([2, 3])
    expect(Math.max(...Array.from(w.x))).toBeLessThanOrEqual(24)
    expect(Math.max(...Array.from(w.y))).toBeLessThanOrEqual(4)
  })
  it('stacks several targets target-major', () => {
    const w = makeWindows({ columns: [target, past] }, { lookback: 1, horizon: 2, targets: [0, 1] })
    expect(Array.from(w.y.subarray(0, 4))).toEqual([1, 2, 11, 12])
  })
  it('encodes calendar features of the shifted time as sin/cos', () => {
    const months = [0, 1, 2, 3].map((m) => Date.UTC(2020, m, 1))
    const w = makeWindows(
      { columns: [[1, 2, 3, 4]], timestamps: months },
      { lookback: 1, horizon: 1, targets: [0], calendar: ['month'], precision: 'float64' },
    )
    // origin 1: τ = 0, calendar of τ + 1 = February
    expect(w.x[1]).toBeCloseTo(Math.sin((2 * Math.PI) / 12), 12)
    expect(w.x[2]).toBeCloseTo(Math.cos((2 * Math.PI) / 12), 12)
  })
})

describe('makeForecastInput', () => {
  it('uses the supplied future covariates and future timestamps past the end', () => {
    const x = makeForecastInput(
      {
        columns: [target, future],
        timestamps: target.map((_, t) => Date.UTC(2020, t, 1)),
        frequency: { unit: 'month', step: 1 },
      },
      {
        lookback: 3,
        horizon: 2,
        targets: [0],
        futureCovariates: [1],
        calendar: ['month'],
        precision: 'float64',
      },
      [[27, 28]],
    )
    // τ = 4, 5, 6 → future at 6, 7, 8 = 26, 27, 28; month of τ + 2 for τ = 6 is 2020-09 (index 8)
    expect([x[1], x[5], x[9]]).toEqual([26, 27, 28])
    expect(x[10]).toBeCloseTo(Math.sin((2 * Math.PI * 8) / 12), 12)
  })
  it('refuses missing future covariate values', () => {
    expect(() =>
      makeForecastInput(
        { columns: [target, future] },
        { lookback: 2, horizon: 2, targets: [0], futureCovariates: [1] },
        [[1]],
      ),
    ).toThrow(/future values/)
  })
})
