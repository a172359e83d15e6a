import { format } from 'date-fns'
import { describe, expect, it } from 'vitest'
import { dateFnsLocale, timeAxis } from '../../../renderer/src/shared/chart-locale'

describe('time axes in the interface language', () => {
  it('format hours and day boundaries with the locale date-fns is given', () => {
    const axis = timeAxis('fr', 'Temps', true)
    const midnight = new Date(2020, 2, 1, 0, 0)
    const locale = axis.adapters.date.locale
    expect(format(midnight, axis.time.displayFormats.day, { locale })).toBe('1 mars 2020')
    expect(format(new Date(2020, 2, 1, 13, 0), axis.time.displayFormats.hour, { locale })).toBe('13:00')
    const english = timeAxis('en', 'Time', false)
    expect(format(midnight, english.time.displayFormats.day, { locale: english.adapters.date.locale })).toBe(
      'Mar 1, 2020',
    )
    expect(english.time.tooltipFormat).toBe('PP')
    expect(axis.ticks.major.enabled).toBe(true)
    expect(dateFnsLocale('fr-CA').code).toBe('fr')
  })
})
