import { describe, expect, it } from 'vitest'
import { chronologicalSplit, protocolHorizon, protocolSplit } from '../../../worker/statistics/split'

describe('chronological split', () => {
  it('orders train, validation, test with counts or percentages', () => {
    expect(chronologicalSplit(100, { validation: { percent: 10 }, test: { count: 20 } })).toEqual({
      train: { start: 0, end: 70 },
      validation: { start: 70, end: 80 },
      test: { start: 80, end: 100 },
    })
  })
  it('refuses splits without training data', () => {
    expect(() => chronologicalSplit(10, { validation: { count: 5 }, test: { count: 5 } })).toThrow(
      /no training data/,
    )
  })
  it('follows the samples protocol', () => {
    expect(protocolHorizon(1)).toBe(10)
    expect(protocolHorizon(4)).toBe(8)
    expect(protocolHorizon(12)).toBe(24)
    expect(protocolHorizon(24)).toBe(48)
    expect(protocolHorizon(336)).toBe(336)
    expect(protocolSplit(144, 12).train).toEqual({ start: 0, end: 120 })
    expect(protocolSplit(4032, 336).test).toEqual({ start: 3696, end: 4032 })
  })
})
