import { describe, expect, it } from 'vitest'
import { offeredCalendarFeatures } from '../../../renderer/src/screens/model/calendar-options'
import { toForecastingSettings, type ModelDraft } from '../../../renderer/src/screens/model/draft'
import { initialDraft } from '../../../renderer/src/screens/model/presets'

const spaced = (gapMs: number) => Array.from({ length: 30 }, (_, i) => Date.UTC(2020, 0, 1) + i * gapMs)
const HOUR = 3_600_000
const DAY = 24 * HOUR

describe('calendar features offered on the Model screen', () => {
  it('follow the spacing of the time column', () => {
    expect(offeredCalendarFeatures(spaced(HOUR))).toEqual(['month', 'dayOfWeek', 'hour'])
    expect(offeredCalendarFeatures(spaced(15 * 60_000))).toEqual(['month', 'dayOfWeek', 'hour'])
    expect(offeredCalendarFeatures(spaced(DAY))).toEqual(['month', 'dayOfWeek'])
    expect(offeredCalendarFeatures(spaced(7 * DAY))).toEqual(['month'])
    expect(offeredCalendarFeatures(spaced(30 * DAY))).toEqual(['month'])
    expect(offeredCalendarFeatures(spaced(365 * DAY))).toEqual([])
  })

  it('are none without a time column', () => {
    expect(offeredCalendarFeatures(null)).toEqual([])
  })

  it('reach the training request, none by default', () => {
    const draft: ModelDraft = initialDraft(1)
    expect(toForecastingSettings(draft).calendar).toEqual([])
    expect(toForecastingSettings({ ...draft, calendar: ['dayOfWeek'] }).calendar).toEqual(['dayOfWeek'])
  })
})
