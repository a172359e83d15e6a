import { describe, expect, it } from 'vitest'
import { mulberry32, normalSampler, paramLayout } from '../../../worker/engine/index'
import { autoConfig, runAuto, type Trainer } from '../../../worker/pipeline/index'
import { earlierFolds } from '../../../worker/pipeline/folds'
import { seasonalSeries, valueSeries } from './helpers'

/**
 * A trainer that "learns" nothing: every weight zero, so a level model predicts the training
 * mean and a residual model predicts seasonal naive. Which one Auto keeps then depends only on
 * which of those two forecasts the validation part prefers.
 */
const zeroTrainer: Trainer = async (request) => {
  const layout = paramLayout(request.settings.spec)
  const size = layout.reduce((total, entry) => total + entry.size, 0)
  return { params: new Float32Array(size), bestEpoch: 0, epochsRun: 1, trainLoss: [0], valLoss: [0] }
}

const options = { trainer: zeroTrainer, backend: 'reference' as const, quick: true }

/** A trainer whose network is random: its "correction" is noise that can only hurt. */
const noiseTrainer: Trainer = async (request) => {
  const normal = normalSampler(mulberry32(request.settings.seed))
  const size = paramLayout(request.settings.spec).reduce((total, entry) => total + entry.size, 0)
  const params = Float32Array.from({ length: size }, () => 0.5 * normal())
  return { params, bestEpoch: 0, epochsRun: 1, trainLoss: [0], valLoss: [0] }
}

/** Seasonal naive's mean absolute error over every fold's validation points and horizon steps. */
function seasonalNaiveValidationError(target: number[], m: number, H: number, parts: [number, number][]) {
  let sum = 0
  let count = 0
  for (const [start, end] of parts)
    for (let origin = start - H + 1; origin < end; origin++)
      for (let k = 1; k <= H; k++) {
        const t = origin + k - 1
        if (t < start || t >= end) continue
        sum += Math.abs(target[t] - target[t - m * Math.ceil(k / m)])
        count++
      }
  return sum / count
}

describe('Auto picks the target mode by validation error', () => {
  it('keeps the seasonal-residual network when the season repeats exactly', async () => {
    const pattern = [3, 9, 1, 7, 4, 8, 2, 6, 5, 10, 0, 11]
    const target = Array.from({ length: 120 }, (_, t) => 100 + 10 * pattern[t % 12])
    const auto = await runAuto(valueSeries(target, 12), options)
    expect(auto.chosen).toBe('seasonalResidual')
    const [level, residual] = auto.candidates
    expect(residual.validationScore).toBeLessThan(level.validationScore)
    expect(residual.validationScore).toBeCloseTo(0, 9)
  })

  it('keeps the level network when the series is noise around a mean (seasonal naive doubles the variance)', async () => {
    const normal = normalSampler(mulberry32(9))
    const target = Array.from({ length: 120 }, () => 100 + 5 * normal())
    const auto = await runAuto(valueSeries(target, 12), options)
    expect(auto.chosen).toBe('level')
    const [level, residual] = auto.candidates
    expect(level.validationScore).toBeLessThan(residual.validationScore)
  })

  it('judges a model of several targets on all of them, each relative to its own scale', async () => {
    const normal = normalSampler(mulberry32(9))
    const noise = Array.from({ length: 120 }, () => 100 + 5 * normal())
    const pattern = [3, 9, 1, 7, 4, 8, 2, 6, 5, 10, 0, 11]
    const season = Array.from({ length: 120 }, (_, t) => 100 + 10 * pattern[t % 12] + 0.1 * normal())
    const first = await runAuto(valueSeries(noise, 12), options)
    expect(first.chosen).toBe('level')
    // The second target repeats its season.
    const both = {
      targets: [
        { name: 'noise', values: noise },
        { name: 'season', values: season },
      ],
      period: 12,
    }
    const auto = await runAuto(both, options)
    // A residual network (on seasonal naive or on ETS, which both carry the season) wins on both.
    expect(auto.chosen).not.toBe('level')
    // Each target's intervals come from the pooled folds: wider for the noisy one.
    const [noisy, seasonal] = auto.result.model.calibrations
    expect(noisy.halfWidths[80][0]).toBeGreaterThan(10 * seasonal.halfWidths[80][0])
  })

  it('the residual candidate never scores worse than seasonal naive on validation', async () => {
    const target = seasonalSeries(192, 5, 3)
    const series = valueSeries(target, 12)
    const auto = await runAuto(series, { ...options, trainer: noiseTrainer, modes: ['seasonalResidual'] })
    // A random correction is damped away entirely: the forecast falls back to seasonal naive.
    expect(auto.result.model.state.config.residualWeight).toBe(0)
    const config = autoConfig(series, 'seasonalResidual')
    const n = target.length
    const parts = [config, ...earlierFolds(config, n, 12)].map((fold): [number, number] => {
      const end = n - (fold.split.test as { count: number }).count
      return [end - (fold.split.validation as { count: number }).count, end]
    })
    expect(parts).toHaveLength(3)
    const snaive = seasonalNaiveValidationError(target, 12, config.horizon, parts)
    expect(auto.candidates[0].validationScore).toBeCloseTo(snaive, 6)
  })

  it('chooses the protocol horizon and a validation part taken from before the test part', () => {
    const target = Array.from({ length: 144 }, (_, t) => 100 + t)
    const config = autoConfig(valueSeries(target, 12), 'seasonalResidual')
    expect(config.horizon).toBe(24)
    expect(config.split).toEqual({ validation: { count: 24 }, test: { count: 24 } })
    expect(config.lookback).toBeLessThanOrEqual((144 - 48 - 24) / 2)
    const annual = autoConfig(valueSeries(target.slice(0, 100), 1), 'level')
    expect(annual.horizon).toBe(10)
    expect(annual.split.test).toEqual({ count: 10 })
  })
})
