import { describe, expect, it } from 'vitest'
import { WEIGHTS_PER_VALUE_LIMIT, weightsPerValue } from '../../../renderer/src/screens/model/capacity'

describe('a network too large for its data', () => {
  it('is flagged with how many times more weights it has than values to fit', () => {
    // Two LSTM layers of 32 on AirPassengers: 72 windows of a 10-step horizon.
    expect(weightsPerValue(13_386, 72, 10, 1)).toBeCloseTo(18.6, 1)
    // The Small preset fits comfortably.
    expect(weightsPerValue(1_484, 100, 12, 1)).toBeNull()
    // Several targets give more values to fit.
    expect(weightsPerValue(13_386, 72, 10, 2)).toBeNull()
    expect(weightsPerValue(WEIGHTS_PER_VALUE_LIMIT * 100, 100, 1, 1)).toBeNull()
    expect(weightsPerValue(5_000, 0, 10, 1)).toBeNull()
  })
})
