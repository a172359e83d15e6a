import { describe, expect, it } from 'vitest'
import {
  addSteps,
  futureTimestamps,
  seasonalPeriod,
  seasonalPeriods,
} from '../../../worker/timeseries/calendar'

const utc = (iso: string): number => Date.parse(iso)
const iso = (ms: number): string => new Date(ms).toISOString()

describe('seasonalPeriod', () => {
  it('uses the conventional cycles', () => {
    expect(seasonalPeriod({ unit: 'month', step: 1 })).toBe(12)
    expect(seasonalPeriod({ unit: 'quarter', step: 1 })).toBe(4)
    expect(seasonalPeriod({ unit: 'year', step: 1 })).toBe(1)
    expect(seasonalPeriod({ unit: 'day', step: 1 })).toBe(7)
    expect(seasonalPeriod({ unit: 'businessDay', step: 1 })).toBe(5)
    expect(seasonalPeriod({ unit: 'hour', step: 1 })).toBe(24)
    expect(seasonalPeriods({ unit: 'minute', step: 30 })).toEqual([48, 336])
  })
  it('falls back to 1 when the cycle is not a whole number of steps', () => {
    expect(seasonalPeriod({ unit: 'month', step: 5 })).toBe(1)
    expect(seasonalPeriod({ unit: 'hour', step: 5 })).toBe(1)
    expect(seasonalPeriod({ unit: 'hour', step: 7 })).toBe(24)
  })
})

describe('addSteps', () => {
  it('clamps the day of month and keeps it from the origin', () => {
    const jan31 = utc('2023-01-31T10:00:00Z')
    expect(iso(addSteps(jan31, { unit: 'month', step: 1 }, 1))).toBe('2023-02-28T10:00:00.000Z')
    expect(iso(addSteps(jan31, { unit: 'month', step: 1 }, 2))).toBe('2023-03-31T10:00:00.000Z')
    expect(iso(addSteps(utc('2024-01-31T00:00:00Z'), { unit: 'month', step: 1 }, 1))).toBe(
      '2024-02-29T00:00:00.000Z',
    )
    expect(iso(addSteps(jan31, { unit: 'month', step: 1 }, -2))).toBe('2022-11-30T10:00:00.000Z')
  })
  it('handles quarters and leap-day years', () => {
    expect(iso(addSteps(utc('2020-11-30T00:00:00Z'), { unit: 'quarter', step: 1 }, 1))).toBe(
      '2021-02-28T00:00:00.000Z',
    )
    expect(iso(addSteps(utc('2020-02-29T00:00:00Z'), { unit: 'year', step: 1 }, 1))).toBe(
      '2021-02-28T00:00:00.000Z',
    )
    expect(iso(addSteps(utc('2020-02-29T00:00:00Z'), { unit: 'year', step: 1 }, 4))).toBe(
      '2024-02-29T00:00:00.000Z',
    )
  })
  it('skips weekends for business days', () => {
    const friday = utc('2024-03-01T00:00:00Z')
    const bd = { unit: 'businessDay', step: 1 } as const
    expect(iso(addSteps(friday, bd, 1))).toBe('2024-03-04T00:00:00.000Z')
    expect(iso(addSteps(friday, bd, 5))).toBe('2024-03-08T00:00:00.000Z')
    expect(iso(addSteps(friday, bd, 6))).toBe('2024-03-11T00:00:00.000Z')
    expect(iso(addSteps(utc('2024-03-04T00:00:00Z'), bd, -1))).toBe('2024-03-01T00:00:00.000Z')
    expect(iso(addSteps(utc('2024-03-02T00:00:00Z'), bd, 1))).toBe('2024-03-04T00:00:00.000Z')
  })
  it('adds fixed units exactly', () => {
    expect(addSteps(0, { unit: 'minute', step: 30 }, 3)).toBe(90 * 60_000)
    expect(addSteps(0, { unit: 'week', step: 1 }, 2)).toBe(14 * 86_400_000)
  })
})

describe('futureTimestamps', () => {
  it('lists the h following timestamps without day drift', () => {
    const out = futureTimestamps(utc('2023-01-31T00:00:00Z'), { unit: 'month', step: 1 }, 3)
    expect(Array.from(out, iso)).toEqual([
      '2023-02-28T00:00:00.000Z',
      '2023-03-31T00:00:00.000Z',
      '2023-04-30T00:00:00.000Z',
    ])
  })
})
