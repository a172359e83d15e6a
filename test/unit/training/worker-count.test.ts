import { describe, expect, it } from 'vitest'
import { trainingConfigSchema, type TrainingConfigInput } from '../../../electron/api/requests/training'
import { defaultWorkers, trainingFlopsPerWindow } from '../../../electron/services/training/worker-count'

const parse = (input: Partial<TrainingConfigInput>) =>
  trainingConfigSchema.parse({
    layers: [{ units: 64 }, { units: 64 }],
    lookback: 48,
    horizon: 12,
    batchSize: 64,
    epochs: 1,
    optimizer: { lr: 1e-3 },
    ...input,
  })

describe('default worker count', () => {
  it('counts matrix FLOP like the benchmark model (3 × L·Σ 8U(in + U) + 2UH for LSTM)', () => {
    const c2 = parse({})
    expect(trainingFlopsPerWindow(c2, 1)).toBe(3 * (48 * (8 * 64 * 65 + 8 * 64 * 128) + 2 * 64 * 12))
  })

  it('uses the whole pool for a model worth splitting, bounded by the shards of a batch', () => {
    expect(defaultWorkers(parse({}), 1, 2)).toBe(2)
    expect(defaultWorkers(parse({}), 1, 16)).toBe(4)
    expect(defaultWorkers(parse({ shardSize: 8 }), 1, 16)).toBe(8)
  })

  it('keeps a tiny model on one thread, where hand-offs would cost more than they save', () => {
    const tiny = parse({ layers: [{ units: 16 }], lookback: 24, horizon: 1, batchSize: 32 })
    expect(defaultWorkers(tiny, 1, 8)).toBe(1)
  })
})
