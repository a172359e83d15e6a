import { describe, expect, it } from 'vitest'
import { newLayer } from '../../../renderer/src/model/draft'
import { layerParameters, parameterCount } from '../../../renderer/src/model/parameter-count'
import { initialDraft, sizedPreset } from '../../../renderer/src/model/presets'
import { validateDraft } from '../../../renderer/src/model/validation'

describe('parameter count of the stack', () => {
  it('counts an LSTM layer as 4·U·(in+U) + 8U (two bias vectors per gate)', () => {
    expect(layerParameters('lstm', 1, 16)).toBe(4 * 16 * 17 + 8 * 16)
  })

  it('counts GRU as three gate blocks and a plain RNN as one', () => {
    expect(layerParameters('gru', 3, 8)).toBe(3 * 8 * 11 + 6 * 8)
    expect(layerParameters('rnn', 3, 8)).toBe(8 * 11 + 2 * 8)
  })

  it('chains layer widths and adds the dense head U·H + H', () => {
    const layers = [
      { cell: 'lstm' as const, units: 32 },
      { cell: 'gru' as const, units: 16 },
    ]
    const expected = 4 * 32 * (2 + 32) + 8 * 32 + (3 * 16 * (32 + 16) + 6 * 16) + (16 * 12 + 12)
    expect(parameterCount(layers, 2, 12)).toBe(expected)
  })

  it('is zero for an empty stack', () => {
    expect(parameterCount([], 1, 12)).toBe(0)
  })
})

describe('validation mirrors the training config limits', () => {
  const valid = () => sizedPreset('small', initialDraft(1))

  it('accepts the initial draft and the fixed-size presets (Auto: auto-preset.test.ts)', () => {
    expect(validateDraft(initialDraft(2), 1000)).toEqual([])
    for (const name of ['small', 'large'] as const) {
      expect(validateDraft(sizedPreset(name, initialDraft(2)), 1000)).toEqual([])
    }
  })

  it('names the field and the limits of units out of range', () => {
    const draft = valid()
    draft.layers[0]!.units = 2000
    expect(validateDraft(draft)).toEqual([
      { field: 'layers.0.units', key: 'range', values: { min: 1, max: 1024 } },
    ])
  })

  it('refuses fractional units, dropout of 1 and a zero learning rate', () => {
    const draft = valid()
    draft.layers[0]!.units = 3.5
    draft.layers[0]!.dropout = 1
    draft.optimizer.lr = 0
    const fields = validateDraft(draft).map((issue) => issue.field)
    expect(fields).toEqual(['layers.0.units', 'layers.0.dropout', 'optimizer.lr'])
  })

  it('refuses an empty or a nine-layer stack', () => {
    const draft = valid()
    draft.layers = []
    expect(validateDraft(draft)[0]?.key).toBe('layerCount')
    draft.layers = Array.from({ length: 9 }, () => newLayer())
    expect(validateDraft(draft)[0]?.key).toBe('layerCount')
  })

  it('reports an unfinished number (NaN) instead of sending it', () => {
    const draft = valid()
    draft.epochs = Number.NaN
    expect(validateDraft(draft)).toEqual([{ field: 'epochs', key: 'integer' }])
  })

  it('warns when the window is longer than the series', () => {
    const draft = valid()
    draft.lookback = 140
    draft.horizon = 12
    expect(validateDraft(draft, 144).map((issue) => issue.key)).toEqual(['windowTooLong'])
  })

  it('checks the parameters of the chosen schedule', () => {
    const draft = valid()
    draft.schedule = { kind: 'plateau', patience: 3, factor: 1 }
    expect(validateDraft(draft)).toEqual([{ field: 'schedule.factor', key: 'open01' }])
  })
})
