import { describe, expect, it } from 'vitest'
import { mulberry32, normalSampler, paramLayout } from '../../../worker/engine/index'
import { autoConfig, runAuto, type Trainer } from '../../../worker/pipeline/index'

/**
 * A trainer that "learns" nothing: every weight zero, so a level model predicts the training
 * mean and a residual model predicts seasonal naive. Which one Auto keeps then depends only on
 * which of those two forecasts the validation part prefers.
 */
const zeroTrainer: Trainer = async (request) => {
  const layout = paramLayout(request.spec)
  const size = layout.reduce((total, entry) => total + entry.size, 0)
  const params = request.precision === 'float32' ? new Float32Array(size) : new Float64Array(size)
  return {
    params,
    bestEpoch: 0,
    epochsRun: 1,
    trainLoss: [0],
    valLoss: [request.validationLoss?.(params) ?? 0],
  }
}

const options = { trainer: zeroTrainer, backend: 'reference' as const, quick: true }

describe('Auto picks the target mode by validation error', () => {
  it('keeps the seasonal-residual network when the season repeats exactly', async () => {
    const pattern = [3, 9, 1, 7, 4, 8, 2, 6, 5, 10, 0, 11]
    const target = Array.from({ length: 120 }, (_, t) => 100 + 10 * pattern[t % 12])
    const auto = await runAuto({ target, period: 12 }, options)
    expect(auto.chosen).toBe('seasonalResidual')
    const [level, residual] = auto.candidates
    expect(residual.validationScore).toBeLessThan(level.validationScore)
    expect(residual.validationScore).toBeCloseTo(0, 9)
  })

  it('keeps the level network when the series is noise around a mean (seasonal naive doubles the variance)', async () => {
    const normal = normalSampler(mulberry32(9))
    const target = Array.from({ length: 120 }, () => 100 + 5 * normal())
    const auto = await runAuto({ target, period: 12 }, options)
    expect(auto.chosen).toBe('level')
    const [level, residual] = auto.candidates
    expect(level.validationScore).toBeLessThan(residual.validationScore)
  })

  it('chooses the protocol horizon and a validation part taken from before the test part', () => {
    const target = Array.from({ length: 144 }, (_, t) => 100 + t)
    const config = autoConfig({ target, period: 12 }, 'seasonalResidual')
    expect(config.horizon).toBe(24)
    expect(config.split).toEqual({ validation: { count: 24 }, test: { count: 24 } })
    expect(config.lookback).toBeLessThanOrEqual((144 - 48 - 24) / 2)
    const annual = autoConfig({ target: target.slice(0, 100), period: 1 }, 'level')
    expect(annual.horizon).toBe(10)
    expect(annual.split.test).toEqual({ count: 10 })
  })
})
