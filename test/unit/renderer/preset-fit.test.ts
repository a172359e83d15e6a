import { describe, expect, it } from 'vitest'
import { initialDraft, sizedPreset } from '../../../renderer/src/screens/model/presets'
import { pointsNeeded, presetFit } from '../../../renderer/src/screens/model/preset-fit'
import { validateDraft } from '../../../renderer/src/screens/model/validation'

describe('a preset says whether it fits the series before it is applied', () => {
  // The first draft: a window of 20 + 10, validation 20 %, test 10 %, three backtest origins.
  const small = () => sizedPreset('small', initialDraft(1))

  it('fits a series long enough for its window and split', () => {
    expect(presetFit(small(), 144)).toEqual({ fits: true })
  })

  it('names the points it needs and the points the series has', () => {
    const fit = presetFit(small(), 30)
    expect(fit).toMatchObject({ fits: false, reason: 'short', rows: 30 })
    if (fit.fits || fit.reason !== 'short') throw new Error('expected a short series')
    // Exactly the least length validation accepts: one point fewer has an issue.
    expect(validateDraft(small(), fit.needed)).toEqual([])
    expect(validateDraft(small(), fit.needed - 1)).not.toEqual([])
    expect(fit.needed).toBeGreaterThan(30)
  })

  it('points at a kept setting that is wrong whatever the length', () => {
    const current = initialDraft(1)
    current.lookback = 0
    const fit = presetFit(sizedPreset('large', current), 144)
    expect(fit).toMatchObject({ fits: false, reason: 'kept', issue: { field: 'lookback' } })
  })

  it('says nothing against a preset while the series is not loaded', () => {
    expect(presetFit(small(), null)).toEqual({ fits: true })
  })

  it('finds no length for a window no series can hold', () => {
    const draft = small()
    draft.test = { value: 60, unit: 'count' }
    draft.validation = { value: 0, unit: 'count' }
    expect(pointsNeeded(draft, 10)).toBeGreaterThanOrEqual(90)
  })
})
