import { describe, expect, it } from 'vitest'
import { parsedCell } from '../../../renderer/src/screens/data/parsed-cell'
import {
  formatInZone,
  fromShownTime,
  hasTimeOfDay,
  toShownTime,
  zoneName,
} from '../../../renderer/src/shared/zoned-time'

// 2020-03-01T00:00:00+01:00: midnight in the file, 23:00 the day before in UTC.
const MIDNIGHT_AT_PLUS_ONE = Date.UTC(2020, 1, 29, 23)
const DAY = { year: 'numeric', month: 'short', day: 'numeric' } as const

describe("times shown in the file's own zone", () => {
  it('format with the explicit offset, wherever the viewer is', () => {
    expect(formatInZone(MIDNIGHT_AT_PLUS_ONE, 60, 'en', DAY)).toBe('Mar 1, 2020')
    expect(
      formatInZone(MIDNIGHT_AT_PLUS_ONE, 60, 'en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    ).toBe('00:00')
    expect(formatInZone(MIDNIGHT_AT_PLUS_ONE, 60, 'fr', DAY)).toBe('1 mars 2020')
    // A file without a zone is read as UTC, and shown so.
    expect(formatInZone(MIDNIGHT_AT_PLUS_ONE, null, 'en', DAY)).toBe('Feb 29, 2020')
  })

  it('give charts x values whose local clock reads as the file did, and back', () => {
    const shown = new Date(toShownTime(MIDNIGHT_AT_PLUS_ONE, 60))
    expect([shown.getFullYear(), shown.getMonth(), shown.getDate(), shown.getHours()]).toEqual([
      2020, 2, 1, 0,
    ])
    expect(fromShownTime(shown.getTime(), 60)).toBe(MIDNIGHT_AT_PLUS_ONE)
    const ancient = Date.UTC(45, 0, 1)
    expect(fromShownTime(toShownTime(ancient, -330), -330)).toBe(ancient)
  })

  it('hold a time of day when the file wrote one, on its own clock', () => {
    expect(hasTimeOfDay([MIDNIGHT_AT_PLUS_ONE], 60)).toBe(false)
    expect(hasTimeOfDay([MIDNIGHT_AT_PLUS_ONE], null)).toBe(true)
    expect(hasTimeOfDay([Date.UTC(1961, 0, 1), Date.UTC(1961, 1, 1)], null)).toBe(false)
  })

  it('name the zone', () => {
    expect(zoneName(60)).toBe('UTC+01:00')
    expect(zoneName(-330)).toBe('UTC−05:30')
    expect(zoneName(null)).toBe('UTC')
  })
})

describe('the import preview of a time written with a zone', () => {
  it('reads as the cell does, not as UTC', () => {
    const date = (value: Date, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en', options).format(value)
    const number = (value: number) => String(value)
    const cell = '2020-03-01T00:00:00+01:00'
    expect(parsedCell('time', cell, MIDNIGHT_AT_PLUS_ONE, number, date, 60)).toBe('Mar 1, 2020')
    expect(parsedCell('time', cell, MIDNIGHT_AT_PLUS_ONE, number, date, null)).toBe('Feb 29, 2020, 11:00 PM')
  })
})
