import { describe, expect, it } from 'vitest'
import { newLayer } from '../../../renderer/src/screens/model/draft'
import { initialDraft, sizedPreset } from '../../../renderer/src/screens/model/presets'
import { validateDraft } from '../../../renderer/src/screens/model/validation'

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
    expect(validateDraft(draft)).toEqual([
      { field: 'schedule.factor', key: 'open', values: { min: 0, max: 1 } },
    ])
  })
})
