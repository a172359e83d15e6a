import { describe, expect, it } from 'vitest'
import { numberText } from '../../../electron/services/exports/number-text'
import { offsetText, timestampLabeller } from '../../../electron/services/exports/timestamp-label'
import { forecastCsv } from '../../../electron/services/forecasting/forecast-csv'

const utc = Date.UTC
const labels = (
  stamps: number[],
  unit: Parameters<typeof timestampLabeller>[1],
  offset: number | null = null,
) => stamps.map(timestampLabeller(stamps, unit, offset))

describe('dates in exports', () => {
  it('are written at the series granularity, never as ISO instants', () => {
    expect(labels([utc(1961, 0, 1), utc(1961, 1, 1)], { unit: 'month', step: 1 })).toEqual([
      '1961-01',
      '1961-02',
    ])
    expect(labels([utc(1961, 0, 1), utc(1961, 3, 1)], { unit: 'quarter', step: 1 })).toEqual([
      '1961-01',
      '1961-04',
    ])
    expect(labels([utc(1961, 0, 1), utc(1962, 0, 1)], { unit: 'year', step: 1 })).toEqual(['1961', '1962'])
    expect(labels([utc(1961, 0, 1), utc(1961, 0, 2)], { unit: 'day', step: 1 })).toEqual([
      '1961-01-01',
      '1961-01-02',
    ])
    expect(labels([utc(1961, 0, 1, 13), utc(1961, 0, 1, 14)], { unit: 'hour', step: 1 })).toEqual([
      '1961-01-01 13:00',
      '1961-01-01 14:00',
    ])
  })

  it("keep the file's own zone and say its offset on times", () => {
    // 2020-03-01T00:00:00+01:00 is 2020-02-29T23:00Z: written as the file wrote it.
    const midnightInParis = utc(2020, 1, 29, 23)
    expect(labels([midnightInParis], { unit: 'hour', step: 1 }, 60)).toEqual(['2020-03-01 00:00+01:00'])
    expect(labels([midnightInParis], { unit: 'day', step: 1 }, 60)).toEqual(['2020-03-01'])
    expect(offsetText(-330)).toBe('-05:30')
  })

  it('keep what the frequency does not say (monthly data on the 15th, daily data at 09:30)', () => {
    expect(labels([utc(2020, 0, 15)], { unit: 'month', step: 1 })).toEqual(['2020-01-15'])
    expect(labels([utc(2020, 0, 1, 9, 30), utc(2020, 0, 2, 9, 30)], { unit: 'day', step: 1 })).toEqual([
      '2020-01-01 09:30',
      '2020-01-02 09:30',
    ])
    expect(labels([utc(2020, 0, 1)], null)).toEqual(['2020-01-01'])
  })
})

describe('numbers in exports', () => {
  it('have 6 significant digits, keep whole integer parts, drop trailing zeros', () => {
    expect(numberText(432.123456789)).toBe('432.123')
    expect(numberText(123456.7)).toBe('123457')
    expect(numberText(12345678.9)).toBe('12345679')
    expect(numberText(0.000123456789)).toBe('0.000123457')
    expect(numberText(450)).toBe('450')
    expect(numberText(-0.0000001)).toBe('-0.0000001')
    expect(numberText(-1e-12)).toBe('-0.000000000001')
    expect(numberText(2.5, ',')).toBe('2,5')
    expect(numberText(Number.NaN)).toBe('')
    expect(numberText(undefined)).toBe('')
  })
})

describe('the forecast CSV', () => {
  const bands = (m: number) => ({
    mean: [m + 0.123456789],
    lower80: [m - 1],
    upper80: [m + 1],
    lower95: [m - 2],
    upper95: [m + 2],
  })

  it('writes monthly dates and rounded numbers, quoting a target name that holds the delimiter', () => {
    const table = {
      timestamps: [utc(1961, 0, 1)],
      frequency: { unit: 'month' as const, step: 1 },
      targets: [
        { target: 'a;b', bands: bands(450) },
        { target: 'c', bands: bands(20) },
      ],
    }
    expect(forecastCsv(table, { delimiter: ';', decimalSeparator: ',' })).toBe(
      'date;target;forecast;lower80;upper80;lower95;upper95\n' +
        '1961-01;"a;b";450,123;449;451;448;452\n' +
        '1961-01;c;20,1235;19;21;18;22\n',
    )
  })
})
