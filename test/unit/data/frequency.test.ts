import { describe, expect, it } from 'vitest'
import { inferFrequency } from '../../../electron/services/data'
import { addSteps, seasonalPeriod } from '../../../electron/services/data'
import { DAY } from './helpers'

const HOUR = 3_600_000
const START = Date.UTC(2021, 0, 4) // a Monday

function fixedSeries(n: number, stepMs: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => START + i * stepMs)
}

function calendarSeries(
  n: number,
  unit: 'month' | 'quarter' | 'year',
  step = 1,
  start = START,
): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => addSteps(start, { unit, step }, i))
}

function businessDays(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => addSteps(START, { unit: 'businessDay', step: 1 }, i))
}

describe('frequency inference', () => {
  it.each([
    ['seconds', fixedSeries(100, 1000), { unit: 'second', step: 1 }, 'every second'],
    ['15 seconds', fixedSeries(100, 15_000), { unit: 'second', step: 15 }, '15-second'],
    ['minutes', fixedSeries(100, 60_000), { unit: 'minute', step: 1 }, 'every minute'],
    ['30 minutes', fixedSeries(200, 30 * 60_000), { unit: 'minute', step: 30 }, '30-minute'],
    ['hours', fixedSeries(100, HOUR), { unit: 'hour', step: 1 }, 'hourly'],
    ['6 hours', fixedSeries(100, 6 * HOUR), { unit: 'hour', step: 6 }, '6-hour'],
    ['days', fixedSeries(100, DAY), { unit: 'day', step: 1 }, 'daily'],
    ['business days', businessDays(100), { unit: 'businessDay', step: 1 }, 'business-daily'],
    ['weeks', fixedSeries(100, 7 * DAY), { unit: 'week', step: 1 }, 'weekly'],
    ['months', calendarSeries(40, 'month'), { unit: 'month', step: 1 }, 'monthly'],
    [
      'month ends',
      calendarSeries(40, 'month', 1, Date.UTC(2020, 0, 31)),
      { unit: 'month', step: 1 },
      'monthly',
    ],
    ['quarters', calendarSeries(40, 'quarter'), { unit: 'quarter', step: 1 }, 'quarterly'],
    ['half years', calendarSeries(20, 'month', 6), { unit: 'month', step: 6 }, '6-month'],
    ['years', calendarSeries(30, 'year'), { unit: 'year', step: 1 }, 'yearly'],
  ] as const)('%s', (_, times, frequency, label) => {
    const inferred = inferFrequency(times)
    expect(inferred.frequency).toEqual(frequency)
    expect(inferred.irregular).toBe(false)
    expect(inferred.label).toBe(label)
  })

  it('reads monthly data on a varying day of the month as monthly', () => {
    const times = Float64Array.from({ length: 24 }, (_, i) => Date.UTC(2020, i, 14 + (i % 3)))
    expect(inferFrequency(times).frequency).toEqual({ unit: 'month', step: 1 })
  })

  it('counts skipped steps without calling the series irregular', () => {
    const times = fixedSeries(100, DAY).filter((_, i) => i !== 10 && i !== 11)
    const inferred = inferFrequency(times)
    expect(inferred.frequency).toEqual({ unit: 'day', step: 1 })
    expect(inferred.skippedSteps).toBe(2)
    expect(inferred.irregular).toBe(false)
  })

  it('reports irregular spacing', () => {
    let t = START
    const times = Float64Array.from({ length: 100 }, (_, i) => (t += i % 3 === 0 ? 7_000_000 : HOUR))
    const inferred = inferFrequency(times)
    expect(inferred.frequency).toEqual({ unit: 'hour', step: 1 })
    expect(inferred.irregular).toBe(true)
    expect(inferred.irregularShare).toBeGreaterThan(0.3)
    expect(inferred.label).toBe('irregular hourly')
  })

  it('needs two distinct timestamps', () => {
    expect(inferFrequency(Float64Array.of(START)).frequency).toBeNull()
  })

  it('agrees with the seasonal periods and future steps the forecaster uses', () => {
    expect(seasonalPeriod(inferFrequency(fixedSeries(100, 30 * 60_000)).frequency!)).toBe(48)
    expect(seasonalPeriod(inferFrequency(businessDays(30)).frequency!)).toBe(5)
    expect(seasonalPeriod(inferFrequency(calendarSeries(30, 'month')).frequency!)).toBe(12)
    const friday = addSteps(START, { unit: 'businessDay', step: 1 }, 4)
    expect(new Date(addSteps(friday, { unit: 'businessDay', step: 1 }, 1)).getUTCDay()).toBe(1)
  })
})
