import { describe, expect, it } from 'vitest'
import { autoConfig, runAuto } from '../../../worker/pipeline/index'
import { whyNotTried, whyNoNetwork } from '../../../worker/pipeline/auto-config'
import { monthlySeries, seasonalSeries, valueSeries } from './helpers'

/** Short enough to run in a test: Auto's rules, with fewer epochs and members. */
const quick = { quick: true, backend: 'reference' as const, overrides: { epochs: 6, ensemble: 2 } }

describe('every series gets a forecast', () => {
  it('a 48-point monthly series with h = 24 trains a network (one step at a time, rolled out)', async () => {
    const series = monthlySeries(seasonalSeries(48, 2))
    const config = autoConfig(series, 'level', { horizon: 24 })
    expect(config.strategy).toBe('recursive')
    // One rolling origin a horizon before the end: three would reach before the series starts.
    expect(config.backtest.origins).toBe(1)
    expect(config.lookback).toBeLessThan(12)
    expect(whyNoNetwork(series, { horizon: 24 })).toBeNull()
    const auto = await runAuto(series, { ...quick, horizon: 24 })
    expect(auto.method).toBe('network')
    expect(auto.result.targets[0]!.test!.metrics.mase).toBeGreaterThan(0)
    expect(auto.result.finalFit.observations).toBe(48)
    expect(auto.result.forecast.targets[0]!.mean).toHaveLength(24)
    expect(auto.result.notes.some((note) => note.startsWith('Statistical'))).toBe(false)
    // Too few points for validation to rank the network against ETS and Theta: fixed weights, said so.
    expect(auto.combinationRule).toBe('fixed')
    expect(auto.combination).toEqual({ network: 0.25, ets: 0.375, theta: 0.375 })
    expect(auto.result.notes[0]).toMatch(
      /^48 points are fewer than 80: .*network 25 %, ETS 37.5 %, Theta 37.5 %/,
    )
  })

  it("a 24-point quarterly series (M3's shortest) gets bounded intervals at 95 % too", async () => {
    // 12 validation errors per step are too few for a 95 % conformal quantile (19 needed): that
    // level takes ETS's own widths, which bound every step; 80 % averages the two.
    const values = seasonalSeries(24, 2).map((value, t) => value + 3 * (t % 4))
    const auto = await runAuto(valueSeries(values, 4), { ...quick, horizon: 8 })
    expect(auto.method).toBe('network')
    expect(auto.result.model.calibrations[0]!.halfWidths[95]!.every((w) => w === Infinity)).toBe(true)
    const { mean, intervals } = auto.result.forecast.targets[0]!
    for (const band of intervals)
      band.upper.forEach((upper, k) => {
        expect(Number.isFinite(upper)).toBe(true)
        expect(upper).toBeGreaterThan(mean[k]!)
      })
  })

  it('a non-seasonal series of 3h points trains a network too', async () => {
    const values = Array.from({ length: 30 }, (_, t) => 100 + 2 * t + 5 * Math.sin(t))
    const series = { targets: [{ name: 'value', values }] }
    expect(whyNoNetwork(series, { horizon: 10 })).toBeNull()
    const auto = await runAuto(series, { ...quick, horizon: 10 })
    expect(auto.method).toBe('network')
  })

  it('a 20-point annual series trains without the ETS-residual candidate, whose earliest fold is too short for ETS', async () => {
    // h = 10 leaves 10 points; a 2-point validation part and an earlier fold leave 6 to fit ETS on.
    const values = Array.from({ length: 20 }, (_, t) => 100 + t + 3 * Math.sin(t))
    const series = { targets: [{ name: 'value', values }] }
    const reason =
      'The ETS-residual candidate was not tried: its earliest validation fold leaves 6 training points, and ETS needs 7.'
    expect(whyNotTried(series, 'etsResidual')).toBe(reason)
    expect(whyNotTried(series, 'level')).toBeNull()
    const auto = await runAuto(series, quick)
    expect(auto.method).toBe('network')
    expect(auto.candidates.map((candidate) => candidate.targetMode)).toEqual(['level', 'seasonalResidual'])
    expect(auto.result.notes[0]).toBe(reason)
    expect(auto.result.forecast.targets[0]!.mean.every(Number.isFinite)).toBe(true)
    // Asked for that candidate alone, Auto says why it cannot.
    await expect(runAuto(series, { ...quick, modes: ['etsResidual'] })).rejects.toThrow(reason)
    // Two more points and it is tried.
    expect(
      whyNotTried({ targets: [{ name: 'value', values: [...values, 121, 122] }] }, 'etsResidual'),
    ).toBeNull()
  })

  it('a 36-point monthly series with h = 24 trains without the seasonal-residual candidate, which needs a season before its window', async () => {
    const series = monthlySeries(seasonalSeries(36, 2))
    const reason =
      'The seasonal-residual candidate was not tried: its earliest validation fold leaves 10 training points, too few for one training window.'
    expect(whyNotTried(series, 'seasonalResidual', { horizon: 24 })).toBe(reason)
    const auto = await runAuto(series, { ...quick, horizon: 24 })
    expect(auto.method).toBe('network')
    expect(auto.candidates.map((candidate) => candidate.targetMode)).toEqual(['level', 'etsResidual'])
    expect(auto.result.notes[0]).toBe(reason)
    expect(auto.result.forecast.targets[0]!.mean).toHaveLength(24)
  })

  it('a constant series gets its constant as the forecast, with zero-width bands', async () => {
    const series = monthlySeries(Array.from({ length: 40 }, () => 42))
    const auto = await runAuto(series, { ...quick, horizon: 12 })
    const { mean, intervals } = auto.result.forecast.targets[0]!
    expect(Array.from(mean)).toEqual(Array(12).fill(42))
    for (const band of intervals) {
      expect(Array.from(band.lower)).toEqual(Array(12).fill(42))
      expect(Array.from(band.upper)).toEqual(Array(12).fill(42))
    }
  })

  it('a 20-point monthly series gets a statistical forecast, labelled as such, with ETS intervals', async () => {
    const series = monthlySeries(seasonalSeries(20, 2))
    expect(whyNoNetwork(series, { horizon: 24 })).toMatch(/20 points are too few for a network/)
    const auto = await runAuto(series, { ...quick, horizon: 24 })
    expect(auto.method).toBe('statistical')
    expect(auto.config.combination).toEqual({ network: 0, ets: 1, theta: 0 })
    expect(auto.result.notes[0]).toMatch(/^Statistical forecast, not a network: 20 points are too few.*ETS\(/)
    const { mean, intervals } = auto.result.forecast.targets[0]!
    expect(mean).toHaveLength(24)
    const band80 = intervals.find((interval) => interval.level === 80)!
    band80.upper.forEach((upper, k) => {
      expect(Number.isFinite(upper)).toBe(true)
      expect(upper).toBeGreaterThan(mean[k]!)
    })
    // Too short to hold out a horizon: no test part, and the final fit saw every point.
    expect(auto.result.targets[0]!.test).toBeNull()
    expect(auto.result.finalFit.observations).toBe(20)
  })

  it('a statistical forecast is judged on a test part when the series affords one', async () => {
    const series = monthlySeries(seasonalSeries(20, 2))
    const auto = await runAuto(series, { ...quick, horizon: 12 })
    expect(auto.method).toBe('statistical')
    const test = auto.result.targets[0]!.test!
    expect(test.actual).toHaveLength(12)
    expect(test.baselines.seasonalNaive).toBeDefined()
  })
})
