import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inspectCsv } from '../../../electron/services/data'

const csvCasePath = (name: string) => resolve(__dirname, '../../fixtures/csv-cases', name)

describe('the preview shows what the import will read', () => {
  it('reads a decimal comma, and day-first dates once the order is chosen', async () => {
    const path = csvCasePath('fr_semicolon_decimal_comma.csv')
    const open = await inspectCsv(path)
    // 01/02/2001 could be either order: no date until the user says which.
    expect(open.previewValues[1]).toEqual([null, 103.77])
    const chosen = await inspectCsv(path, { dateOrder: 'dmy' })
    expect(chosen.previewValues[1]).toEqual([Date.UTC(2001, 1, 1), 103.77])
  })

  it('reads thousands separators inside quotes', async () => {
    const preview = await inspectCsv(csvCasePath('thousands_separator_us.csv'))
    expect(preview.previewValues[0]).toEqual([Date.UTC(2001, 0, 1), 100_000])
  })
})
