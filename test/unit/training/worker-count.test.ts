import { describe, expect, it } from 'vitest'
import type { TrainingConfigInput } from '../../../electron/api/requests/training'
import { trainSettingsOf } from '../../../electron/services/training/train-settings'
import { defaultWorkers, trainingFlopsPerWindow } from '../../../electron/services/training/worker-count'

const parse = (input: Partial<TrainingConfigInput>) =>
  trainSettingsOf(
    {
      layers: [{ units: 64 }, { units: 64 }],
      lookback: 48,
      horizon: 12,
      batchSize: 64,
      epochs: 1,
      optimizer: { lr: 1e-3 },
      ...input,
    },
    { inputSize: 1 },
  )

describe('default worker count', () => {
  it('counts matrix FLOP like the benchmark model (3 × L·Σ 8U(in + U) + 2UH for LSTM)', () => {
    const c2 = parse({})
    expect(trainingFlopsPerWindow(c2)).toBe(3 * (48 * (8 * 64 * 65 + 8 * 64 * 128) + 2 * 64 * 12))
  })

  it('uses the whole pool for a model worth splitting, bounded by the shards of a batch', () => {
    expect(defaultWorkers(parse({}), 2)).toBe(2)
    expect(defaultWorkers(parse({}), 16)).toBe(4)
    expect(defaultWorkers(parse({ shardSize: 8 }), 16)).toBe(8)
  })

  it('keeps a tiny model on one thread, where hand-offs would cost more than they save', () => {
    const tiny = parse({ layers: [{ units: 16 }], lookback: 24, horizon: 1, batchSize: 32 })
    expect(defaultWorkers(tiny, 8)).toBe(1)
  })
})
