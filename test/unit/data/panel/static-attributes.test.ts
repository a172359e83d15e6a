import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectLongPanel } from '../../../../electron/services/data/panel/detect-panel'
import { panelFromColumnar, panelToColumnar } from '../../../../electron/services/data/panel/panel-columnar'
import { readPanelCsv } from '../../../../electron/services/data/panel/read-panel'
import { readColumnarCache, writeColumnarCache } from '../../../../electron/services/projects/columnar-cache'

const TYPED = resolve(__dirname, '../../../fixtures/panel/m3_quarterly_typed_train.csv')

describe('static attributes of a long panel', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lstm-panel-attributes-'))
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))
  const file = async (name: string, text: string) => {
    const path = join(dir, name)
    await writeFile(path, text)
    return path
  }

  it('takes a text column constant within each series for an attribute, not a key (M3’s type)', async () => {
    const panel = await readPanelCsv(TYPED)
    expect(panel.keyNames).toEqual(['id'])
    expect(panel.series).toHaveLength(12)
    expect(panel.staticAttributes).toEqual([{ name: 'type', kind: 'categorical', categories: 3 }])
    expect(panel.series.map((s) => s.attributes?.type)).toEqual([
      ...Array<string>(4).fill('MICRO'),
      ...Array<string>(4).fill('INDUSTRY'),
      ...Array<string>(4).fill('MACRO'),
    ])
    expect(await detectLongPanel(TYPED)).toEqual({ keys: ['id'], attributes: ['type'] })
  })

  it('tells numeric from categorical attributes, and leaves out columns that change within a series', async () => {
    const path = await file(
      'shops.csv',
      [
        'id,region,size,date,sales,temp',
        'a,north,120,2024-01-01,1,3.5',
        'a,north,120,2024-01-02,2,4.5',
        'b,south,80,2024-01-01,5,3.5',
        'b,south,80,2024-01-02,6,3.5',
        'c,north,,2024-01-01,7,1',
        'c,north,,2024-01-02,8,1',
      ].join('\n'),
    )
    const panel = await readPanelCsv(path, { ids: ['id'], target: 'sales' })
    expect(panel.staticAttributes).toEqual([
      { name: 'region', kind: 'categorical', categories: 2 },
      { name: 'size', kind: 'numeric', categories: 2 },
    ])
    expect(panel.varyingColumns).toEqual(['temp'])
    expect(panel.series.map((s) => s.attributes)).toEqual([
      { region: 'north', size: 120 },
      { region: 'south', size: 80 },
      { region: 'north', size: null },
    ])
  })

  it('keeps two keys when neither is constant within the other’s series', async () => {
    const path = await file(
      'stores.csv',
      [
        'store,product,date,sales',
        'A,x,2024-01-01,1',
        'A,y,2024-01-01,2',
        'B,x,2024-01-01,3',
        'B,x,2024-01-02,4',
      ].join('\n'),
    )
    const panel = await readPanelCsv(path)
    expect(panel.keyNames).toEqual(['store', 'product'])
    expect(panel.staticAttributes).toEqual([])
  })

  it('has none in a wide file, whose series are columns', async () => {
    const path = await file('wide.csv', 'month,north,south\n2024-01-01,1,5\n2024-02-01,2,7\n')
    expect((await readPanelCsv(path)).staticAttributes).toEqual([])
  })

  it('are stored after the value in the columnar cache and read back with each series', async () => {
    const panel = await readPanelCsv(TYPED)
    const cache = join(dir, 'typed.cache')
    await writeColumnarCache(cache, panelToColumnar(panel.keyNames, panel.series, panel.staticAttributes))
    const table = await readColumnarCache(cache)
    const back = panelFromColumnar(table, 1, cache, panel.staticAttributes)
    expect(back.map((s) => s.attributes)).toEqual(panel.series.map((s) => s.attributes))
    expect(Array.from(back[5].values)).toEqual(Array.from(panel.series[5].values))
    // A cache read without its attributes still gives the series (older readers ignore the extra column).
    expect(panelFromColumnar(table, 1, cache)[0].attributes).toBeUndefined()
    expect(() =>
      panelFromColumnar(table, 1, cache, [{ name: 'region', kind: 'categorical', categories: 2 }]),
    ).toThrow(/1 static attribute/)
  })
})
