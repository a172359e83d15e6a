import { describe, expect, it } from 'vitest'
import { mulberry32, normalSampler } from '../../../worker/engine/index'
import { calibratePerStep, runPipeline } from '../../../worker/pipeline/index'
import { monthlySeries, seasonalSeries, tinyConfig, valueSeries } from './helpers'

describe('runPipeline end to end (tiny network, reference backend)', () => {
  it('scores the model and every baseline on the same test part, with intervals, backtest and a dated forecast', async () => {
    const series = monthlySeries(seasonalSeries(120))
    const result = await runPipeline(series, tinyConfig({ horizon: 12 }), { backend: 'reference' })
    const test = result.targets[0].test!
    expect(test.start).toBe(108)
    expect(test.forecast).toHaveLength(12)
    for (const name of ['naive', 'seasonalNaive', 'drift', 'mean', 'ets']) {
      expect(test.baselines[name].metrics?.mase, name).toBeGreaterThan(0)
      expect(test.baselines[name].metrics?.maseScale).toBe(test.metrics.maseScale)
    }
    // Coverage is the share of test actuals inside each band, counted here independently.
    for (const level of [80, 95] as const) {
      const inside = Array.from(test.actual).filter(
        (y, k) => y >= test.lower[level][k] && y <= test.upper[level][k],
      ).length
      expect(test.metrics.coverage[level], `coverage ${level}`).toBe(inside / test.actual.length)
    }
    expect(test.metrics.coverage[95]).toBeGreaterThanOrEqual(test.metrics.coverage[80])
    for (let k = 0; k < 12; k++) {
      expect(test.lower[95][k]).toBeLessThanOrEqual(test.lower[80][k])
      expect(test.lower[80][k]).toBeLessThanOrEqual(test.forecast[k])
      expect(test.upper[80][k]).toBeLessThanOrEqual(test.upper[95][k])
    }
    expect(result.targets[0].backtest?.perOrigin).toHaveLength(2)
    expect(result.training.epochsRun).toBe(4)
    const { forecast } = result
    expect(forecast.targets[0].mean).toHaveLength(12)
    expect(forecast.targets[0].intervals.map((i) => i.level)).toEqual([80, 95])
    // Data ends in December 2009: the forecast covers 2010.
    expect(new Date(forecast.timestamps![0]).toISOString().slice(0, 10)).toBe('2010-01-01')
    expect(new Date(forecast.timestamps![11]).toISOString().slice(0, 10)).toBe('2010-12-01')
  })

  it('early stopping keeps the best validation epoch', async () => {
    const series = monthlySeries(seasonalSeries(120))
    const result = await runPipeline(
      series,
      tinyConfig({ epochs: 30, patience: 3, optimizer: { name: 'adam', lr: 0.05 } }),
      {
        backend: 'reference',
        quick: true,
      },
    )
    const { valLoss, bestEpoch, epochsRun } = result.training
    expect(valLoss[bestEpoch]).toBe(Math.min(...valLoss))
    // This seeded run does stop early: exactly `patience` epochs without improvement after the best.
    expect(epochsRun).toBeLessThan(30)
    expect(valLoss).toHaveLength(epochsRun)
    expect(epochsRun - 1 - bestEpoch).toBe(3)
  })

  it('without timestamps the forecast has no dates', async () => {
    const result = await runPipeline(valueSeries(seasonalSeries(100), 12), tinyConfig(), {
      backend: 'reference',
      quick: true,
    })
    expect(result.forecast.timestamps).toBeNull()
    expect(result.model.state.period).toBe(12)
  })
})

describe('conformal calibration per horizon step', () => {
  it('matches the normal quantiles on many residuals and covers new draws at the nominal rate', () => {
    const normal = normalSampler(mulberry32(5))
    const draw = (n: number) =>
      Array.from({ length: n }, () => Float64Array.from({ length: 3 }, (_, k) => (k + 1) * normal()))
    const calibration = calibratePerStep(draw(4000), 3)
    for (let k = 0; k < 3; k++) {
      expect(Math.abs(calibration.halfWidths[80][k] / (k + 1) - 1.2816)).toBeLessThan(0.1)
      expect(Math.abs(calibration.halfWidths[95][k] / (k + 1) - 1.96)).toBeLessThan(0.12)
    }
    const fresh = draw(4000)
    const inside = fresh.filter((r) => Math.abs(r[2]) <= calibration.halfWidths[80][2]).length / fresh.length
    expect(inside).toBeGreaterThan(0.77)
    expect(inside).toBeLessThan(0.83)
  })

  it('borrows neighbouring steps when a late step has too few residuals, so widths stay finite', () => {
    // Step k has 24 − k residuals, as with 24 validation points and horizon 24.
    const residuals = Array.from({ length: 24 }, (_, i) =>
      Float64Array.from({ length: 24 }, (_, k) => (i + k < 24 ? ((i * 7) % 5) - 2 + k / 10 : NaN)),
    )
    const calibration = calibratePerStep(residuals, 24)
    expect(Array.from(calibration.halfWidths[95]).every(Number.isFinite)).toBe(true)
    expect(calibration.counts[23]).toBeGreaterThanOrEqual(19)
    expect(calibration.counts[0]).toBe(24)
  })
})
