import { describe, expect, it } from 'vitest'
import { cleanSeries } from '../../../worker/panel/clean-series'
import { buildWindows } from '../../../worker/panel/window-builder'
import { cutRanges, sampleCuts } from '../../../worker/panel/window-sampler'
import { fromScaled, toScaled, windowReference } from '../../../worker/panel/window-scaling'

describe('cleaning a series', () => {
  it('drops leading and trailing gaps and interpolates the inner ones', () => {
    const c = cleanSeries([NaN, 1, NaN, NaN, 4, NaN])
    expect(Array.from(c.values)).toEqual([1, 2, 3, 4])
    expect(c).toMatchObject({ start: 1, filled: 2, dropped: 2 })
    expect(cleanSeries([NaN, NaN]).values.length).toBe(0)
  })
})

describe('per-window scaling', () => {
  const values = Float64Array.from([2, 4, 6, 8])
  it('divides by the mean |input| (minus 1) or takes logs against the last input, and maps back', () => {
    const mean = windowReference(values, 1, 3, 'mean')
    expect(mean).toBe(5)
    expect(toScaled(10, mean, 'mean')).toBe(1)
    const log = windowReference(values, 0, 4, 'log')
    expect(toScaled(8, log, 'log')).toBeCloseTo(0, 14)
    for (const scaling of ['mean', 'log'] as const)
      expect(
        fromScaled(
          toScaled(7, windowReference(values, 0, 4, scaling), scaling),
          windowReference(values, 0, 4, scaling),
          scaling,
        ),
      ).toBeCloseTo(7, 12)
  })
  it('keeps a window of zeros finite', () => {
    expect(windowReference(Float64Array.from([0, 0]), 0, 2, 'mean')).toBe(1)
  })
})

describe('window cutting', () => {
  const series = [Float64Array.from([1, 2, 3, 4, 5, 6]), Float64Array.from([10, 20])]
  it('pads missing history with zeros flagged 0 and leaves targets past the end NaN', () => {
    const w = buildWindows(series, [{ series: 1, origin: 1 }], { lookback: 3, horizon: 2, scaling: 'mean' })
    // inputs: pad, pad, 10 → scaled 10/10 − 1 = 0 with flag 1
    expect(Array.from(w.x)).toEqual([0, 0, 0, 0, 0, 1])
    expect(w.y[0]).toBeCloseTo(1, 6)
    expect(Number.isNaN(w.y[1])).toBe(true)
    expect(w.references[0]).toBe(10)
  })
  it('reads the last lookback points before the origin', () => {
    const w = buildWindows(series, [{ series: 0, origin: 4 }], { lookback: 2, horizon: 1, scaling: 'mean' })
    // inputs 3, 4 (mean 3.5), target 5
    expect(w.x[0]).toBeCloseTo(3 / 3.5 - 1, 6)
    expect(w.x[2]).toBeCloseTo(4 / 3.5 - 1, 6)
    expect(w.y[0]).toBeCloseTo(5 / 3.5 - 1, 6)
  })
  it('refuses an origin outside the series', () => {
    expect(() =>
      buildWindows(series, [{ series: 1, origin: 3 }], { lookback: 2, horizon: 1, scaling: 'mean' }),
    ).toThrow(/outside series 1/)
  })
})

describe('window sampling', () => {
  it('gives every series with a valid cut the same share, and all cuts when it has fewer', () => {
    const ranges = cutRanges([100, 1000, 8, 3], 4, 2)
    // the 3-point series has no cut with 4 inputs and a 2-point target
    expect(ranges.map((r) => r.series)).toEqual([0, 1, 2])
    expect(ranges[2]).toEqual({ series: 2, first: 4, last: 6 })
    const cuts = sampleCuts(ranges, 30, 5)
    const per = [0, 1, 2].map((s) => cuts.filter((c) => c.series === s).length)
    expect(per).toEqual([10, 10, 3])
    for (const cut of cuts) {
      const range = ranges.find((r) => r.series === cut.series)!
      expect(cut.origin).toBeGreaterThanOrEqual(range.first)
      expect(cut.origin).toBeLessThanOrEqual(range.last)
    }
    expect(sampleCuts(ranges, 30, 5)).toEqual(cuts)
    expect(sampleCuts(ranges, 30, 6)).not.toEqual(cuts)
  })
})
