import { describe, expect, it } from 'vitest'
import { describePreprocessing } from '../../../worker/export/index'
import { readPreprocessing } from '../../../worker/export/read/read-preprocessing'
import { rebuildTrainedModel } from '../../../worker/export/read/rebuild-model'
import { forecastAhead, runAuto, runPipeline, type TrainedModel } from '../../../worker/pipeline/index'
import { averagedHalfWidth, targetIntervals } from '../../../worker/pipeline/target-intervals'
import { conformalIntervals, fitEtsModel, type ConformalCalibration } from '../../../worker/statistics/index'
import { fixEts } from '../../../worker/statistics/ets/fixed-ets'
import { fixedEtsIntervals } from '../../../worker/statistics/ets/fixed-ets-intervals'
import { monthlySeries, seasonalSeries, tinyConfig } from './helpers'

/** Small positive counts with large swings: additive intervals would reach below 0. */
const counts = Array.from({ length: 96 }, (_, t) => 3 + (t % 12 === 0 ? 40 : 0) + (t % 5))

/** The same model with intervals ten times wider, so the floor is certain to matter. */
function wider(model: TrainedModel): TrainedModel {
  const calibrations = model.calibrations.map((calibration) => ({
    ...calibration,
    halfWidths: Object.fromEntries(
      Object.entries(calibration.halfWidths).map(([level, widths]) => [
        level,
        widths.map((w) => 10 * w + 50),
      ]),
    ),
  }))
  return { ...model, calibrations }
}

describe('intervals respect the data', () => {
  it('never reach below 0 for a series that never did, and say so', async () => {
    const series = monthlySeries(counts)
    const result = await runPipeline(series, tinyConfig(), { quick: true })
    expect(result.model.state.targets[0]!.lowerBound).toBe(0)
    expect(result.notes.some((note) => /floored at 0/.test(note))).toBe(true)
    const ahead = await forecastAhead(wider(result.model), series)
    for (const band of ahead.targets[0]!.intervals) expect(Math.min(...band.lower)).toBe(0)
    const test = result.targets[0]!.test!
    for (const level of [80, 95]) expect(Math.min(...test.lower[level]!)).toBeGreaterThanOrEqual(0)

    // An export carries the floor, and a forecast from it applies it too.
    const description = readPreprocessing(
      JSON.parse(JSON.stringify(describePreprocessing(wider(result.model)))),
    )
    const model = rebuildTrainedModel(
      description,
      result.model.state.spec,
      Float32Array.from(result.model.params),
    )
    const exported = await forecastAhead(model, series)
    expect(Math.min(...exported.targets[0]!.intervals[0]!.lower)).toBe(0)
  })

  it('hold the forecast, which is floored too, where a trend heads below 0', async () => {
    // 20 months falling by 8 a month: ETS's trend crosses 0 within the 24-step horizon.
    const falling = Array.from({ length: 20 }, (_, t) => 200 - 8 * t + (t % 3))
    const auto = await runAuto(monthlySeries(falling), { horizon: 24, quick: true })
    expect(auto.method).toBe('statistical')
    const { mean, intervals } = auto.result.forecast.targets[0]!
    expect(Math.min(...mean)).toBe(0)
    for (const band of intervals)
      mean.forEach((value, k) => {
        expect(band.lower[k]).toBeLessThanOrEqual(value)
        expect(band.upper[k]).toBeGreaterThanOrEqual(value)
      })
    expect(auto.result.notes).toContain(
      'Forecasts and interval lower bounds of "value" are floored at 0: it was never below that.',
    )
  })

  it('floor the test part only, and say so, where the series crossed 0 after its training part', async () => {
    // Falling by 5 a month: positive before validation, below 0 from month 41 on.
    const crossing = Array.from({ length: 48 }, (_, t) => 200 - 5 * t + (t % 3))
    const auto = await runAuto(monthlySeries(crossing), {
      horizon: 12,
      quick: true,
      overrides: { epochs: 2, ensemble: 1 },
    })
    expect(Math.min(...auto.result.targets[0]!.test!.forecast)).toBeGreaterThanOrEqual(0)
    expect(auto.result.model.state.targets[0]!.lowerBound).toBeUndefined()
    expect(Math.min(...auto.result.forecast.targets[0]!.mean)).toBeLessThan(0)
    expect(auto.result.notes).toContain(
      'The test part\'s forecasts and interval lower bounds of "value" were floored at 0, as it was never below that ' +
        'before validation; it went below later, so the forecast ahead is not floored.',
    )
  })

  it('are not floored for a series that went below 0', async () => {
    const series = monthlySeries(counts.map((value, t) => value - (t === 5 ? 20 : 0)))
    const result = await runPipeline(series, tinyConfig(), { quick: true })
    expect(result.model.state.targets[0]!.lowerBound).toBeUndefined()
    const ahead = await forecastAhead(wider(result.model), series)
    expect(Math.min(...ahead.targets[0]!.intervals[0]!.lower)).toBeLessThan(0)
  })
})

describe('intervals of a forecast that ETS takes part in', () => {
  const history = seasonalSeries(72, 5)
  const ets = fixEts(fitEtsModel(history, { error: 'A', trend: 'N', season: 'A' }, 12))
  const own = fixedEtsIntervals(ets, history, 4, [80, 95])!
  const mean = [60, 61, 62, 63]
  /** Conformal half-widths 2, 3, 4, 5 at 80 %; the last step at 95 % had too few errors (±∞). */
  const calibration: ConformalCalibration = {
    horizon: 4,
    counts: [20, 19, 18, 3],
    halfWidths: { 80: Float64Array.from([2, 3, 4, 5]), 95: Float64Array.from([4, 5, 6, Infinity]) },
    levels: [80, 95],
  }
  const combined = { network: 0.25, ets: 0.375, theta: 0.375 }
  const target = { companions: { ets, theta: null } }

  it("average each side's conformal half-width with ETS's own at the same origin", () => {
    const bands = targetIntervals(calibration, mean, { target, combination: combined, history })
    bands.forEach((band, i) => {
      const model = own.intervals[i]!
      mean.forEach((f, k) => {
        const conformal = calibration.halfWidths[band.level]![k]!
        const half = (etsSide: number) => (Number.isFinite(conformal) ? (conformal + etsSide) / 2 : etsSide)
        expect(f - band.lower[k]!).toBeCloseTo(half(own.mean[k]! - model.lower[k]!), 9)
        expect(band.upper[k]! - f).toBeCloseTo(half(model.upper[k]! - own.mean[k]!), 9)
      })
    })
    // The step validation could not calibrate at 95 % is bounded: ETS's width alone.
    expect(Number.isFinite(bands[1]!.upper[3]!)).toBe(true)
  })

  it('stay conformal where the forecast gives ETS no share, or the model has no ETS companion', () => {
    const conformal = conformalIntervals(calibration, mean)
    for (const context of [
      { target, combination: { network: 0.75, ets: 0, theta: 0.25 }, history },
      { target, combination: undefined, history },
      { target: { companions: { ets: null, theta: null } }, combination: combined, history },
    ])
      expect(targetIntervals(calibration, mean, context)).toEqual(conformal)
  })

  it('still never reach below the floor', () => {
    const low = [1, 1, 1, 1]
    const bands = targetIntervals(calibration, low, {
      target: { ...target, lowerBound: 0 },
      combination: combined,
      history,
    })
    for (const band of bands) expect(Math.min(...band.lower)).toBe(0)
  })

  it('keep the forecast inside where ETS puts a quantile beyond its own point forecast', () => {
    expect(averagedHalfWidth(2, 4)).toBe(3)
    expect(averagedHalfWidth(Infinity, 4)).toBe(4)
    // A skewed simulated distribution: ETS's upper 80 % quantile 1 below its point forecast.
    expect(averagedHalfWidth(2, -1)).toBe(1)
    expect(averagedHalfWidth(Infinity, -1)).toBe(0)
  })
})
