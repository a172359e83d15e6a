import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runForecast } from '../../../electron/cli/forecast'
import { runTrain } from '../../../electron/cli/train'
import { PANEL_MODEL_FILE } from '../../../electron/services/models/panel/panel-model-folder'
import { captureIo } from '../helpers/cli-io'
import { SMALL_PANEL } from './small-panel-config'

/** `--future-covariates` on a panel: a synthetic panel whose sales rise by half in planned promotion months. */

const PROMO = resolve(__dirname, '../../fixtures/panel/promo_panel.csv')

interface PromoRow {
  store: string
  month: string
  promo: number
  sales: number
}

function promoRows(text: string): PromoRow[] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [store, month, promo, sales] = line.split(',')
      return { store, month, promo: Number(promo), sales: sales === '' ? NaN : Number(sales) }
    })
}

describe('CLI: covariates known ahead on a panel', () => {
  let dir = ''
  let config = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lstm-panel-future-cli-'))
    config = join(dir, 'config.json')
    await writeFile(config, JSON.stringify(SMALL_PANEL))
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))
  const trainArgs = (out: string, horizon = 4) => [
    '--id',
    'store',
    '--target',
    'sales',
    '--horizon',
    String(horizon),
    '--config',
    config,
    '--out',
    out,
    '--workers',
    '1',
    '--seed',
    '3',
  ]

  it('trains on the planned promotions, forecasts each store’s from its future rows, and refuses a file without them', async () => {
    const model = join(dir, 'promo')
    const train = captureIo()
    const status = await runTrain([PROMO, ...trainArgs(model), '--future-covariates', 'promo'], train.io)
    expect(status, train.text.stderr).toBe(0)
    expect(train.text.stderr).toMatch(/covariates known ahead: promo 4 steps/)
    const summary = JSON.parse(train.text.stdout)
    expect(summary.config.futureInputs).toEqual(['promo'])
    expect(summary.covariates).toEqual([{ name: 'promo', ahead: 4 }])
    const saved = JSON.parse(await readFile(join(model, PANEL_MODEL_FILE), 'utf8'))
    expect(saved.inputs.future).toHaveLength(1)
    expect(saved.inputs.future[0]).toMatchObject({ name: 'promo' })

    const out = join(dir, 'promo-forecast.csv')
    const forecast = captureIo()
    expect(await runForecast([model, PROMO, '--out', out], forecast.io), forecast.text.stderr).toBe(0)
    const rows = promoRows(await readFile(PROMO, 'utf8'))
    const lines = (await readFile(out, 'utf8')).trim().split('\n')
    expect(lines[0]).toMatch(/^id,date,forecast/)
    expect(lines).toHaveLength(1 + 8 * 4)
    const byStore = new Map<string, { promoted: number[]; plain: number[] }>()
    for (const line of lines.slice(1)) {
      const [store, date, value] = line.split(',')
      // The forecast's dates are the future rows' own.
      const planned = rows.find((r) => r.store === store && r.month.startsWith(date.slice(0, 7)))
      expect(planned, `${store} ${date}`).toBeDefined()
      expect(Number.isNaN(planned!.sales)).toBe(true)
      const entry = byStore.get(store) ?? { promoted: [], plain: [] }
      ;(planned!.promo === 1 ? entry.promoted : entry.plain).push(Number(value))
      byStore.set(store, entry)
    }
    // It follows the plan: within a store, every promotion month is forecast well above every
    // other month (the truth is half above; a network blind to the plan would forecast them alike).
    let compared = 0
    for (const { promoted, plain } of byStore.values()) {
      if (promoted.length === 0 || plain.length === 0) continue
      expect(Math.min(...promoted)).toBeGreaterThan(1.15 * Math.max(...plain))
      compared++
    }
    expect(compared).toBeGreaterThan(3)
    // On the held-out part, where the plan was known too, it beats Theta, which cannot read it.
    expect(summary.test.network.owa).toBeLessThan(summary.test.baselines.theta.owa)

    // The history alone, every row with a value and none ahead, cannot be forecast: refused, naming the series.
    const history = join(dir, 'history.csv')
    const text = await readFile(PROMO, 'utf8')
    await writeFile(
      history,
      text
        .split('\n')
        .filter((line) => !line.endsWith(','))
        .join('\n'),
    )
    const refused = captureIo()
    expect(await runForecast([model, history, '--out', join(dir, 'x.csv')], refused.io)).toBe(2)
    expect(refused.text.stderr).toMatch(/series S1 lacks the known-future input "promo" at step 1 of the 4/)
  })

  it('refuses a horizon longer than the rows ahead, a column that is no covariate, and past covariates', async () => {
    const long = captureIo()
    expect(
      await runTrain([PROMO, ...trainArgs(join(dir, 'h6'), 6), '--future-covariates', 'promo'], long.io),
    ).toBe(2)
    expect(long.text.stderr).toMatch(/"promo" is given 4 step\(s\) after the last value.*horizon of 6/)
    const unknown = captureIo()
    expect(
      await runTrain([PROMO, ...trainArgs(join(dir, 'u')), '--future-covariates', 'price'], unknown.io),
    ).toBe(2)
    expect(unknown.text.stderr).toMatch(/no covariate "price".*its covariates are promo/)
    const past = captureIo()
    expect(await runTrain([PROMO, ...trainArgs(join(dir, 'p')), '--past-covariates', 'promo'], past.io)).toBe(
      2,
    )
    expect(past.text.stderr).toMatch(/known ahead only/)
  })
})
