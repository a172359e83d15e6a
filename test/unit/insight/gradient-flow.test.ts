import { describe, expect, it } from 'vitest'
import { compareGradientFlow } from '../../../worker/insight/gradient-flow'
import { longLagWindows } from '../../../worker/insight/long-lag-series'

describe('gradient flow through time (RNN against LSTM)', () => {
  // The target is the first value of a 60-step window; a few epochs, fixed seeds.
  const data = longLagWindows(128, 60, 59, 7)
  const [rnn, lstm] = compareGradientFlow(data, {
    units: 16,
    layers: 1,
    epochs: 4,
    seed: 3,
    probeWindows: 16,
  })

  it('gives one finite, non-negative value per time step for each cell', () => {
    for (const curve of [rnn, lstm]) {
      expect(curve?.gradNorm).toHaveLength(60)
      expect(curve?.gradNorm.every((value) => Number.isFinite(value) && value >= 0)).toBe(true)
    }
  })

  it('shows the RNN gradient at the first step at least 100× smaller than the LSTM one', () => {
    const ratio = (lstm?.gradNorm[0] ?? Number.NaN) / (rnn?.gradNorm[0] ?? Number.NaN)
    expect(ratio).toBeGreaterThanOrEqual(100)
  })

  it('has the gradient of the last step of the same order in both cells: the difference is the memory', () => {
    const last = (lstm?.gradNorm[59] ?? Number.NaN) / (rnn?.gradNorm[59] ?? Number.NaN)
    expect(last).toBeGreaterThan(0.1)
    expect(last).toBeLessThan(10)
  })

  it('is deterministic under the seed', () => {
    const [again] = compareGradientFlow(data, { units: 16, layers: 1, epochs: 4, seed: 3, probeWindows: 16 })
    expect(again?.gradNorm).toEqual(rnn?.gradNorm)
  })
})
