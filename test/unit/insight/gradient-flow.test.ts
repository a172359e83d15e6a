import { beforeAll, describe, expect, it } from 'vitest'
import { compareGradientFlow, type GradientFlowCurve } from '../../../worker/insight/gradient-flow'
import { longLagWindows } from '../../../worker/insight/long-lag-series'

describe('gradient flow through time (RNN against LSTM)', () => {
  // The target is the first value of a 60-step window; a few epochs, fixed seeds.
  const data = longLagWindows(128, 60, 59, 7)
  const options = { units: 16, layers: 1, epochs: 4, seed: 3, probeWindows: 16 }
  const curves = compareGradientFlow(data, options)
  let rnn: GradientFlowCurve | undefined
  let lstm: GradientFlowCurve | undefined
  beforeAll(async () => {
    ;[rnn, lstm] = await curves
  }, 60_000)

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

  it('is deterministic under the seed', async () => {
    const [again] = await compareGradientFlow(data, options)
    expect(again?.gradNorm).toEqual(rnn?.gradNorm)
  })
})
