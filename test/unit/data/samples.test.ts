import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importCsv } from '../../../electron/services/data'

const SAMPLES = resolve(__dirname, '../../../resources/samples')
/** baselines.csv is a results table, not a series. */
const SERIES = readdirSync(SAMPLES).filter((f) => f.endsWith('.csv') && f !== 'baselines.csv')

const EXPECTED: Record<string, { label: string; rows: number; numeric?: number }> = {
  'AirPassengers.csv': { label: 'monthly', rows: 144 },
  'UKDriverDeaths.csv': { label: 'monthly', rows: 192 },
  'wineind.csv': { label: 'monthly', rows: 176 },
  'JohnsonJohnson.csv': { label: 'quarterly', rows: 84 },
  'Nile.csv': { label: 'yearly', rows: 100 },
  'taylor.csv': { label: '30-minute', rows: 4032 },
  'Seatbelts.csv': { label: 'monthly', rows: 192, numeric: 8 },
}

describe('bundled sample series', () => {
  it('are all known to this test', () => expect(SERIES.sort()).toEqual(Object.keys(EXPECTED).sort()))

  it.each(SERIES)('%s imports with the right frequency', async (file) => {
    const outcome = await importCsv(resolve(SAMPLES, file))
    expect(outcome.status).toBe('ok')
    if (outcome.status !== 'ok') return
    const { dataset } = outcome
    const expected = EXPECTED[file]
    expect(dataset.detected.frequency?.label).toBe(expected.label)
    expect(dataset.detected.frequency?.irregular).toBe(false)
    expect(dataset.rowCount).toBe(expected.rows)
    expect(dataset.columns.filter((c) => c.kind === 'numeric')).toHaveLength(expected.numeric ?? 1)
    expect(dataset.warnings).toEqual([])
  })
})
