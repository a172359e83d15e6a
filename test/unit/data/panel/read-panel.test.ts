import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectLongPanel } from '../../../../electron/services/data/panel/detect-panel'
import { readPanelCsv } from '../../../../electron/services/data/panel/read-panel'

const SLICE = resolve(__dirname, '../../../fixtures/panel/m3_quarterly_slice_train.csv')

describe('reading a panel CSV', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lstm-panel-'))
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))
  const file = async (name: string, text: string) => {
    const path = join(dir, name)
    await writeFile(path, text)
    return path
  }

  it('cuts a long file into its series, in key order of appearance, on their own dates', async () => {
    const panel = await readPanelCsv(SLICE)
    expect(panel.form).toBe('long')
    expect(panel.keyNames).toEqual(['id'])
    expect(panel.series).toHaveLength(12)
    expect(panel.series[0].key).toEqual(['N0646'])
    expect(panel.series[0].values.length).toBe(36)
    expect(panel.series[0].values[0]).toBe(3142.63)
    expect(panel.frequency).toEqual({ unit: 'quarter', step: 1 })
    expect(new Date(panel.series[0].timestamps![1]).toISOString().slice(0, 10)).toBe('1984-04-01')
  })

  it('takes several key columns, unsorted rows, different starts, missing cells and missing dates', async () => {
    const path = await file(
      'stores.csv',
      [
        'store,product,date,sales,note',
        'A,x,2024-01-03,3,',
        'A,x,2024-01-01,1,first',
        'B,x,2024-01-02,20,',
        'A,y,2024-01-01,,',
        'A,y,2024-01-02,5,',
        'B,x,2024-01-03,30,',
        'A,x,2024-01-04,4,',
      ].join('\n'),
    )
    const panel = await readPanelCsv(path, { ids: ['store', 'product'], target: 'sales' })
    expect(panel.series.map((s) => s.key.join('/'))).toEqual(['A/x', 'B/x', 'A/y'])
    // A/x has no row for 2024-01-02: a NaN on the daily grid
    const ax = Array.from(panel.series[0].values)
    expect(ax[0]).toBe(1)
    expect(Number.isNaN(ax[1])).toBe(true)
    expect(ax.slice(2)).toEqual([3, 4])
    expect(Array.from(panel.series[1].values)).toEqual([20, 30])
    expect(panel.missing).toBe(2)
    expect(panel.warnings.join(' ')).toMatch(/2 missing values/)
  })

  it('reads a wide file, one series per column, each from its first to its last value', async () => {
    const path = await file('wide.csv', 'month,north,south\n2024-01-01,1,\n2024-02-01,2,7\n2024-03-01,3,8\n')
    const panel = await readPanelCsv(path)
    expect(panel.form).toBe('wide')
    expect(panel.series.map((s) => s.key[0])).toEqual(['north', 'south'])
    expect(Array.from(panel.series[1].values)).toEqual([7, 8])
    expect(new Date(panel.series[1].timestamps![0]).toISOString().slice(0, 7)).toBe('2024-02')
  })

  it('refuses two rows of one series on one date, and unknown columns, naming them', async () => {
    const twice = await file('twice.csv', 'id,date,value\na,2024-01-01,1\na,2024-01-01,2\nb,2024-01-01,3\n')
    await expect(readPanelCsv(twice)).rejects.toThrow(/series a has two rows for 2024-01-01/)
    await expect(readPanelCsv(SLICE, { ids: ['shop'] })).rejects.toThrow(/no column named shop/)
    const several = await file('several.csv', 'id,date,a,b\nx,2024-01-01,1,2\ny,2024-01-01,3,4\n')
    await expect(readPanelCsv(several)).rejects.toThrow(/several value columns \(a, b\)/)
  })

  it('recognises a long panel from the head of the file, and not a single series', async () => {
    expect(await detectLongPanel(SLICE)).toEqual({ keys: ['id'], attributes: [] })
    const single = await file(
      'single.csv',
      'date,value,label\n2024-01-01,1,a\n2024-01-02,2,b\n2024-01-03,3,a\n',
    )
    expect(await detectLongPanel(single)).toBeNull()
    expect(
      await detectLongPanel(resolve(__dirname, '../../../../resources/samples/AirPassengers.csv')),
    ).toBeNull()
  })
})
