import { describe, expect, it } from 'vitest'
import { csvOf, datasetOf, importText, isoDates, parseText } from './helpers'

describe('day/month order', () => {
  it('reads dd/mm/yyyy when a first field is above 12', () => {
    const d = importText('date,v\n13/01/2020,1\n14/01/2020,2\n15/01/2020,3\n')
    expect(d.detected.dateOrder).toEqual({ order: 'dmy', basis: 'values' })
    expect(d.detected.ambiguousDateOrder).toBe(false)
    expect(isoDates(d)[0]).toBe('2020-01-13T00:00:00.000Z')
  })

  it('reads mm/dd/yyyy when a second field is above 12', () => {
    const d = importText('date,v\n01/13/2020,1\n01/14/2020,2\n01/15/2020,3\n')
    expect(d.detected.dateOrder?.order).toBe('mdy')
    expect(isoDates(d)[2]).toBe('2020-01-15T00:00:00.000Z')
  })

  it('settles the order from a value far below the sampled head', () => {
    const rows = csvOf('date,v', 3000, (i) => `${i < 2999 ? '05/06' : '25/06'}/${1000 + i},${i}`)
    const d = importText(rows)
    expect(d.detected.dateOrder).toEqual({ order: 'dmy', basis: 'values' })
    expect(new Date(d.timestamps![0]).getUTCMonth()).toBe(5)
  })

  it('asks when every field is at most 12 and spacing cannot tell', () => {
    const text = 'date,v\n01/02/2020,1\n02/01/2020,2\n03/04/2020,3\n04/03/2020,4\n'
    const outcome = parseText(text)
    expect(outcome.status).toBe('needsDecision')
    if (outcome.status !== 'needsDecision') return
    expect(outcome.decisions[0].kind).toBe('ambiguousDateOrder')
    expect(outcome.detected.ambiguousDateOrder).toBe(true)
    expect(outcome.decisions[0].message).toContain('01/02/2020')
  })

  it('uses the option, or else the locale hint, when the values are ambiguous', () => {
    const text = 'date,v\n01/02/2020,1\n02/01/2020,2\n03/04/2020,3\n04/03/2020,4\n'
    const us = datasetOf(parseText(text, { dateOrder: 'mdy' }))
    expect(us.detected.dateOrder).toEqual({ order: 'mdy', basis: 'option' })
    expect(isoDates(us)[0]).toBe('2020-01-02T00:00:00.000Z')
    const fromLocale = datasetOf(parseText(text, { localeHint: 'en-US' }))
    expect(fromLocale.detected.dateOrder).toEqual({ order: 'mdy', basis: 'locale' })
    const british = datasetOf(parseText(text, { localeHint: 'en-GB' }))
    expect(british.detected.dateOrder).toEqual({ order: 'dmy', basis: 'locale' })
    expect(isoDates(british)).toContain('2020-02-01T00:00:00.000Z')
  })

  it('prefers the reading that gives an evenly spaced series (monthly on the 1st)', () => {
    const text = csvOf(
      'date,v',
      24,
      (i) => `01/${String((i % 12) + 1).padStart(2, '0')}/${2020 + Math.floor(i / 12)},${i}`,
    )
    const d = importText(text)
    expect(d.detected.ambiguousDateOrder).toBe(true)
    expect(d.detected.dateOrder).toEqual({ order: 'dmy', basis: 'spacing' })
    expect(d.detected.frequency?.frequency).toEqual({ unit: 'month', step: 1 })
  })

  it('refuses a date that is invalid in the detected order, naming the line', () => {
    const text = csvOf('date,v', 10, (i) => `${13 + i}/01/2020,${i}`) + '14/13/2020,2\n'
    expect(() => importText(text)).toThrow(
      /test\.csv, line 12: "14\/13\/2020" in column date is not a valid date/,
    )
  })
})

describe('date and time shapes', () => {
  it('reads dd.mm.yyyy as day first', () => {
    const d = importText('Datum;Wert\n01.02.2020;1\n01.03.2020;2\n')
    expect(isoDates(d)[0]).toBe('2020-02-01T00:00:00.000Z')
  })

  it('reads yyyy/mm/dd with times', () => {
    const d = importText('when,v\n2020/03/04 05:06,1\n2020/03/04 05:36:30,2\n')
    expect(isoDates(d)).toEqual(['2020-03-04T05:06:00.000Z', '2020-03-04T05:36:30.000Z'])
  })

  it('treats ISO 8601 without a zone as UTC and applies written offsets', () => {
    const d = importText(
      't,v\n2020-01-01T10:00:00,1\n2020-01-01T10:00:00+02:00,2\n2020-01-01T10:00:00.250Z,3\n',
    )
    expect(isoDates(d)).toEqual([
      '2020-01-01T08:00:00.000Z',
      '2020-01-01T10:00:00.000Z',
      '2020-01-01T10:00:00.250Z',
    ])
    expect(d.warnings.map((w) => w.code)).toContain('UNSORTED_ROWS')
  })

  it('reads YYYY-MM months and bare years under a year-like header', () => {
    expect(isoDates(importText('month,v\n2021-11,1\n2021-12,2\n'))[1]).toBe('2021-12-01T00:00:00.000Z')
    const years = importText('year,v\n1999,1\n2000,2\n2001,3\n')
    expect(years.detected.timeFormat).toBe('year')
    expect(years.detected.frequency?.frequency).toEqual({ unit: 'year', step: 1 })
  })

  it('does not take a 4-digit value column for years', () => {
    const d = importText('flow,level\n1120,1\n1160,2\n963,3\n')
    expect(d.timestamps).toBeNull()
  })

  it('reads epoch seconds and milliseconds under a time-like header', () => {
    const seconds = importText('timestamp,v\n1700000000,1\n1700003600,2\n1700007200,3\n')
    expect(seconds.detected.timeFormat).toBe('epochSeconds')
    expect(isoDates(seconds)[0]).toBe('2023-11-14T22:13:20.000Z')
    expect(seconds.detected.frequency?.frequency).toEqual({ unit: 'hour', step: 1 })
    const millis = importText('epoch,v\n1700000000000,1\n1700000060000,2\n')
    expect(millis.detected.timeFormat).toBe('epochMillis')
    expect(millis.detected.frequency?.frequency).toEqual({ unit: 'minute', step: 1 })
  })

  it('takes an epoch-ranged first column of a header-less file as time', () => {
    const d = importText('1700000000,5\n1700086400,6\n1700172800,7\n')
    expect(d.detected.header).toBe(false)
    expect(d.detected.timeFormat).toBe('epochSeconds')
    expect(d.columns.map((c) => c.kind)).toEqual(['time', 'numeric'])
  })

  it('honours timeColumn: null and a named time column', () => {
    expect(importText('date,v\n2020-01-01,1\n2020-01-02,2\n', { timeColumn: null }).timestamps).toBeNull()
    const d = importText('id,when,v\n1,2020-01-02,1\n2,2020-01-03,2\n', { timeColumn: 'when' })
    expect(d.detected.timeColumn).toBe('when')
  })
})

describe('spreadsheet-style times', () => {
  it('reads AM/PM times and UTC or GMT suffixes', () => {
    const d = importText('when,v\n1/13/2020 12:30 AM,1\n1/13/2020 3:05 PM,2\n1/14/2020 12:00 PM,3\n')
    expect(isoDates(d)).toEqual([
      '2020-01-13T00:30:00.000Z',
      '2020-01-13T15:05:00.000Z',
      '2020-01-14T12:00:00.000Z',
    ])
    const zoned = importText('t,v\n2020-01-01 10:00:00 UTC,1\n2020-01-01 12:00 GMT+01:00,2\n')
    expect(isoDates(zoned)).toEqual(['2020-01-01T10:00:00.000Z', '2020-01-01T11:00:00.000Z'])
  })
})
