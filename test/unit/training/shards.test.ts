import { describe, expect, it } from 'vitest'
import { BestTracker } from '../../../worker/training/best-tracker'
import { allFinite, reduceShardGradients, reduceShardLosses } from '../../../worker/training/gradient-reduce'
import { mixSeed } from '../../../worker/training/seeds'
import { batchCount, planShards } from '../../../worker/training/shard-plan'
import { defaultShardSize } from '../../../worker/training/settings'

describe('shard plan', () => {
  it('splits a batch into consecutive shards of a fixed size, weighted by their share', () => {
    expect(planShards(64, 36, 16)).toEqual([
      { from: 64, count: 16, weight: 16 / 36 },
      { from: 80, count: 16, weight: 16 / 36 },
      { from: 96, count: 4, weight: 4 / 36 },
    ])
    expect(planShards(0, 8, 16)).toEqual([{ from: 0, count: 8, weight: 1 }])
    expect(() => planShards(0, 8, 0)).toThrow(/shardSize/)
  })

  it('sizes default shards from the batch alone', () => {
    expect(defaultShardSize(64)).toBe(16)
    expect(defaultShardSize(10)).toBe(8)
    expect(batchCount(100, 32)).toBe(4)
  })
})

describe('gradient reduction', () => {
  const paramCount = 3
  const shards = planShards(0, 5, 2) // weights 2/5, 2/5, 1/5
  const slots = Float32Array.from([1, 2, 3, 10, 20, 30, -5, 0, 5, 99, 99, 99])

  it('is the weighted sum of the shard gradients, and returns its sum of squares', () => {
    const target = new Float64Array(paramCount)
    const sumSquares = reduceShardGradients(slots, shards, paramCount, target)
    const expected = [0.4 * 1 + 0.4 * 10 + 0.2 * -5, 0.4 * 2 + 0.4 * 20, 0.4 * 3 + 0.4 * 30 + 0.2 * 5]
    expected.forEach((value, i) => expect(target[i]).toBeCloseTo(value, 12))
    expect(sumSquares).toBeCloseTo(
      expected.reduce((sum, value) => sum + value * value, 0),
      10,
    )
    expect(reduceShardLosses([1, 2, 4], shards)).toBeCloseTo(0.4 + 0.8 + 0.8, 12)
  })

  it('flags a non-finite gradient through the sum of squares', () => {
    const bad = Float32Array.from(slots)
    bad[4] = Number.NaN
    expect(reduceShardGradients(bad, shards, paramCount, new Float64Array(paramCount))).toBeNaN()
    expect(allFinite(Float32Array.from([1, 2, 3]))).toBe(true)
    expect(allFinite(Float32Array.from([1, Number.POSITIVE_INFINITY]))).toBe(false)
    expect(allFinite(Float64Array.from([Number.NaN]))).toBe(false)
  })
})

describe('seeds and best tracking', () => {
  it('derives distinct, reproducible seeds from coordinates', () => {
    const seeds = new Set<number>()
    for (let epoch = 0; epoch < 20; epoch++)
      for (let shard = 0; shard < 20; shard++) seeds.add(mixSeed(7, 2, epoch, 0, shard))
    expect(seeds.size).toBe(400)
    expect(mixSeed(7, 2, 3, 4, 5)).toBe(mixSeed(7, 2, 3, 4, 5))
    expect(mixSeed(7, 2, 3, 4, 5)).not.toBe(mixSeed(8, 2, 3, 4, 5))
  })

  it('counts epochs without improvement for early stopping', () => {
    const tracker = new BestTracker(2)
    expect([3, 2, 2.5, 1.9, 2, 2.1].map((loss, epoch) => tracker.record(epoch, loss))).toEqual([
      true,
      true,
      false,
      true,
      false,
      false,
    ])
    expect(tracker.bestEpoch).toBe(3)
    expect(tracker.shouldStop).toBe(true)
    const never = new BestTracker(0)
    for (let epoch = 0; epoch < 10; epoch++) never.record(epoch, epoch)
    expect(never.shouldStop).toBe(false)
  })
})
