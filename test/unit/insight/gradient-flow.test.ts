import { beforeAll, describe, expect, it } from 'vitest'
import { compareGradientFlow, relativeToLast, type DecayCurve } from '../../../worker/insight/gradient-flow'
import { longLagWindows } from '../../../worker/insight/long-lag-series'

describe('gradient flow through time (RNN against LSTM)', () => {
  // The target is the first value of a 60-step window; a few epochs, three seeds.
  const data = longLagWindows(128, 60, 59, 7)
  const options = { units: 16, layers: 1, epochs: 4, seed: 3, probeWindows: 16 }
  const curves = compareGradientFlow(data, options)
  let all: DecayCurve[] = []
  const find = (cell: string, stage: string) => all.find((c) => c.cell === cell && c.stage === stage)!
  beforeAll(async () => {
    all = await curves
  }, 120_000)

  it('measures each cell at initialisation and after training, averaged over seeds', () => {
    expect(all.map((curve) => `${curve.cell} ${curve.stage}`)).toEqual([
      'rnn initial',
      'rnn trained',
      'lstm initial',
      'lstm trained',
    ])
    for (const curve of all) {
      expect(curve.seeds).toBe(3)
      expect(curve.gradNorm).toHaveLength(60)
      expect(curve.gradNorm.every((value) => Number.isFinite(value) && value >= 0)).toBe(true)
      // Relative to its own last step: the decay, free of each network's scale.
      expect(curve.relative[59]).toBeCloseTo(1, 12)
    }
    expect(Number.isNaN(find('rnn', 'initial').finalTrainLoss)).toBe(true)
    expect(Number.isFinite(find('lstm', 'trained').finalTrainLoss)).toBe(true)
  })

  it("shows the RNN's gradient decaying far more towards the oldest step than the LSTM's", () => {
    for (const stage of ['initial', 'trained']) {
      const rnn = find('rnn', stage).relative[0]!
      const lstm = find('lstm', stage).relative[0]!
      expect(lstm / rnn).toBeGreaterThanOrEqual(10)
    }
  })

  it('is relative to the last step exactly', () => {
    expect(relativeToLast([1, 2, 4])).toEqual([0.25, 0.5, 1])
  })

  it('is deterministic under the seed', async () => {
    const again = await compareGradientFlow(data, options, 1)
    const first = await compareGradientFlow(data, options, 1)
    expect(again[1]?.gradNorm).toEqual(first[1]?.gradNorm)
  }, 60_000)
})
