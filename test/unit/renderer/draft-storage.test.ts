import { describe, expect, it } from 'vitest'
import { newLayer } from '../../../renderer/src/screens/model/draft'
import {
  draftKey,
  draftSignature,
  loadDraft,
  saveDraft,
} from '../../../renderer/src/screens/model/draft-storage'
import { initialDraft, sizedPreset } from '../../../renderer/src/screens/model/presets'

/** A Storage in memory, as localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  }
}

describe('the Model draft is kept per project and dataset', () => {
  it('keys the draft by project and dataset', () => {
    expect(draftKey('p1', 'd1')).not.toBe(draftKey('p1', 'd2'))
    expect(draftKey('p1', 'd1')).not.toBe(draftKey('p2', 'd1'))
  })

  it('gives back what was saved, unfinished numbers and no clipping included', () => {
    const storage = memoryStorage()
    const draft = sizedPreset('large', initialDraft(2))
    draft.epochs = Number.NaN
    draft.clipNorm = null
    draft.calendar = ['month']
    const applied = { origin: 'large' as const, signature: draftSignature(draft) }
    saveDraft(storage, draftKey('p1', 'd1'), { draft, applied, autoStatistical: null })
    const loaded = loadDraft(storage, draftKey('p1', 'd1'), initialDraft(1))
    expect(loaded?.draft.layers.map(({ cell, units, dropout }) => ({ cell, units, dropout }))).toEqual(
      draft.layers.map(({ cell, units, dropout }) => ({ cell, units, dropout })),
    )
    expect(loaded?.draft).toMatchObject({ clipNorm: null, calendar: ['month'], schedule: draft.schedule })
    expect(loaded?.draft.epochs).toBeNaN()
    expect(loaded?.applied).toEqual(applied)
    expect(loadDraft(storage, draftKey('p1', 'd2'), initialDraft(1))).toBeNull()
  })

  it('falls back on the defaults for a damaged entry or field', () => {
    const storage = memoryStorage()
    storage.setItem(draftKey('p', 'd'), '{not json')
    expect(loadDraft(storage, draftKey('p', 'd'), initialDraft(1))).toBeNull()
    storage.setItem(draftKey('p', 'd'), JSON.stringify({ draft: { lookback: 'ten', horizon: 7 } }))
    const loaded = loadDraft(storage, draftKey('p', 'd'), initialDraft(1))
    expect(loaded?.draft).toMatchObject({ lookback: 20, horizon: 7 })
    expect(loaded?.applied).toBeNull()
  })

  it('tells a changed setting from a preset, whatever the thread count and layer keys', () => {
    const draft = initialDraft(1)
    const signature = draftSignature(draft)
    expect(
      draftSignature({ ...draft, workers: 8, layers: draft.layers.map((l) => ({ ...l, key: 99 })) }),
    ).toBe(signature)
    expect(draftSignature({ ...draft, layers: [newLayer('gru', 32)] })).not.toBe(signature)
  })
})
