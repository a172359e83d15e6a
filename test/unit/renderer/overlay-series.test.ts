import { describe, expect, it } from 'vitest'
import { overlayCurve } from '../../../renderer/src/screens/train/overlay-series'
import { LossSeries } from '../../../renderer/src/screens/train/loss-series'

const epoch = (n: number, trainLoss: number, valLoss: number | null) => ({
  epoch: n,
  trainLoss,
  valLoss,
  lr: 0.01,
  best: false,
})

describe('compared runs are drawn by one curve each', () => {
  it("takes the first network's validation loss, by epochs done", () => {
    const curve = overlayCurve({
      runId: 'r1',
      networks: [
        { jobId: 'r1-1', epochs: [] },
        { jobId: 'r1-2', epochs: [epoch(0, 2, 1.5), epoch(1, 1, 1.2)] },
        { jobId: 'r1-3', epochs: [epoch(0, 9, null)] },
      ],
    })
    expect(curve).toEqual({
      runId: 'r1',
      kind: 'validation',
      points: [
        { x: 1, y: 1.5 },
        { x: 2, y: 1.2 },
      ],
    })
  })

  it('prefers the network the log names as judged on the main split', () => {
    const role = (stage: 'train' | 'final') => ({ stage, member: 1, members: 1 })
    const curve = overlayCurve({
      runId: 'r4',
      networks: [
        { jobId: 'r4-1', role: role('final'), epochs: [epoch(0, 5, null)] },
        { jobId: 'r4-2', role: role('train'), epochs: [epoch(0, 2, 1.1)] },
      ],
    })
    expect(curve).toMatchObject({ kind: 'validation', points: [{ x: 1, y: 1.1 }] })
  })

  it('falls back on training loss without a validation part, and on nothing without curves', () => {
    const curve = overlayCurve({ runId: 'r2', networks: [{ jobId: 'r2-1', epochs: [epoch(0, 3, null)] }] })
    expect(curve).toMatchObject({ kind: 'training', points: [{ x: 1, y: 3 }] })
    expect(overlayCurve({ runId: 'r3', networks: [] })).toBeNull()
  })

  it('draws a saved network like a live one', () => {
    const series = LossSeries.fromSaved('r1-1', [epoch(0, 2, 1.5), { ...epoch(1, 1, 1.2), best: true }])
    expect(series.epochTrain).toEqual([
      { x: 1, y: 2 },
      { x: 2, y: 1 },
    ])
    expect(series.validation).toHaveLength(2)
    expect(series.bestEpoch).toBe(1)
  })
})
