import { describe, expect, it } from 'vitest'
import { calibratePanelIntervals, panelIntervals, seriesScale } from '../../../worker/panel/panel-intervals'

describe('panel intervals from one pooled conformal calibration', () => {
  it('pools validation errors in units of each series’ scale and scales them back per series', () => {
    // 19 series, scale 1 and 100 alternately; their scaled errors at step 1 are 1, 2, …, 19.
    const fit = Array.from({ length: 19 }, (_, s) =>
      Float64Array.from([0, 1, 2, 3].map((v) => v * (s % 2 ? 100 : 1))),
    )
    const actual = fit.map((_, s) => Float64Array.from([(s + 1) * (s % 2 ? 100 : 1)]))
    const forecasts = fit.map(() => Float64Array.from([0]))
    expect(seriesScale(fit[1])).toBe(100)
    const calibration = calibratePanelIntervals(fit, actual, forecasts, 1, [80])
    // rank ⌈20 · 0.8⌉ = 16 → the 16th smallest scaled error
    expect(calibration.halfWidths[80][0]).toBe(16)
    const [band] = panelIntervals(calibration, [0, 100, 200], [1000])
    expect(band.lower[0]).toBe(1000 - 1600)
    expect(band.upper[0]).toBe(1000 + 1600)
  })
  it('is unbounded where too few series calibrate a step, and ignores series without history', () => {
    const calibration = calibratePanelIntervals(
      [Float64Array.from([1, 2]), new Float64Array(0)],
      [Float64Array.from([3]), Float64Array.from([1])],
      [Float64Array.from([2]), Float64Array.from([1])],
      1,
      [95],
    )
    expect(calibration.counts).toEqual([1])
    expect(calibration.halfWidths[95][0]).toBe(Infinity)
    expect(seriesScale([5, 5, 5])).toBe(1)
  })
})
