import { describe, expect, it } from 'vitest'
import type { GradientComparisonView } from '../../../electron/api/requests/inside'
import { decayVerdict, formatShare } from '../../../renderer/src/screens/inside/decay-verdict'

function view(rnn: number, lstm: number): GradientComparisonView {
  const curve = (cell: 'rnn' | 'lstm', stage: 'initial' | 'trained', oldest: number) => ({
    cell,
    stage,
    gradNorm: [oldest, 1],
    relative: [oldest, 1],
    finalTrainLoss: null,
  })
  return {
    modelId: 'm',
    example: 'model',
    steps: 2,
    epochs: 5,
    seeds: 3,
    curves: [
      curve('rnn', 'initial', 0.1),
      curve('rnn', 'trained', rnn),
      curve('lstm', 'initial', 0.5),
      curve('lstm', 'trained', lstm),
    ],
  }
}

describe('the comparison’s sentence is computed and worded in both directions', () => {
  it('says the LSTM keeps more when it does, by how much', () => {
    expect(decayVerdict(view(1 / 300, 1 / 4))).toMatchObject({ kind: 'lstmKeeps', factor: 75 })
  })

  it('says the RNN keeps more when the measurement says so, never the reverse', () => {
    expect(decayVerdict(view(1 / 4, 1 / 300))).toMatchObject({ kind: 'rnnKeeps', factor: 75 })
  })

  it('calls a factor below 3 either way alike', () => {
    expect(decayVerdict(view(0.1, 0.2))?.kind).toBe('similar')
    expect(decayVerdict(view(0.2, 0.1))?.kind).toBe('similar')
  })

  it('writes shares as fractions of the last step, or multiples above it', () => {
    expect(formatShare('en', 1 / 300)).toBe('1/300')
    expect(formatShare('en', 1 / 3.7)).toBe('1/3.7')
    expect(formatShare('en', 2.5)).toBe('2.5×')
    expect(formatShare('fr', 1 / 1234)).toBe('1/1\u202f200')
  })
})
