import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { panelFromColumnar, panelToColumnar } from '../../../../electron/services/data/panel/panel-columnar'
import { panelShape } from '../../../../electron/services/data/panel/panel-shape'
import { readPanelCsv } from '../../../../electron/services/data/panel/read-panel'
import { readColumnarCache, writeColumnarCache } from '../../../../electron/services/projects/columnar-cache'

/** Covariates of a long panel: numeric columns changing within series, with rows after each series' last value. */

const PROMO = resolve(__dirname, '../../../fixtures/panel/promo_panel.csv')

describe('covariates of a long panel', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lstm-panel-covariates-'))
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))

  it('are read with the rows ahead: the values stop at the last one, the covariates run on', async () => {
    const panel = await readPanelCsv(PROMO, { ids: ['store'], target: 'sales' })
    expect(panel.covariates).toEqual([{ name: 'promo', ahead: 4 }])
    expect(panel.varyingColumns).toEqual(['promo'])
    // S1 has 36 months of sales and 4 planned months; the future rows are not missing values.
    const first = panel.series[0]
    expect(first.values).toHaveLength(36)
    expect(first.timestamps).toHaveLength(36)
    expect(first.covariates?.promo).toHaveLength(40)
    expect(panel.missing).toBe(0)
    expect(panel.warnings.join(' ')).toMatch(/covariates known ahead: promo 4 steps/)
    expect(panelShape(panel)).toMatchObject({ lengths: { min: 36, max: 38 }, covariates: panel.covariates })
  })

  it('count the fewest steps ahead over the series, and an empty cell ahead ends them', async () => {
    const path = join(dir, 'gap.csv')
    await writeFile(
      path,
      'id,date,price,sales\nA,2024-01-01,1,10\nA,2024-02-01,2,11\nA,2024-03-01,3,\nA,2024-04-01,4,\n' +
        'B,2024-01-01,5,20\nB,2024-02-01,6,21\nB,2024-03-01,,\nB,2024-04-01,7,\n',
    )
    const panel = await readPanelCsv(path, { ids: ['id'], target: 'sales' })
    expect(panel.covariates).toEqual([{ name: 'price', ahead: 0 }])
  })

  it('are named covariates only when numeric and changing; a model’s own are read even when constant', async () => {
    const path = join(dir, 'constant.csv')
    await writeFile(path, 'id,date,promo,sales\nA,2024-01-01,0,10\nA,2024-02-01,0,11\nA,2024-03-01,0,\n')
    expect((await readPanelCsv(path, { ids: ['id'], target: 'sales' })).covariates).toEqual([])
    const forced = await readPanelCsv(path, { ids: ['id'], target: 'sales', covariates: ['promo'] })
    expect(forced.covariates).toEqual([{ name: 'promo', ahead: 1 }])
    expect(forced.series[0].values).toHaveLength(2)
  })

  it('are stored after the attributes in the columnar cache, future rows included, and read back', async () => {
    const panel = await readPanelCsv(PROMO, { ids: ['store'], target: 'sales' })
    const cache = join(dir, 'promo.cache')
    const names = panel.covariates.map((c) => c.name)
    await writeColumnarCache(cache, panelToColumnar(panel.keyNames, panel.series, [], names))
    const table = await readColumnarCache(cache)
    expect(table.rowCount).toBe(panel.series.reduce((sum, s) => sum + s.covariates!.promo.length, 0))
    const back = panelFromColumnar(table, 1, cache, [], names)
    back.forEach((s, i) => {
      expect(Array.from(s.values)).toEqual(Array.from(panel.series[i].values))
      expect(Array.from(s.timestamps ?? [])).toEqual(Array.from(panel.series[i].timestamps ?? []))
      expect(Array.from(s.covariates!.promo)).toEqual(Array.from(panel.series[i].covariates!.promo))
    })
    expect(() => panelFromColumnar(table, 1, cache, [], ['price'])).toThrow(/1 covariate/)
  })
})
