import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

/** Reader for the competition panels of test/fixtures/panel (simple CSV, no quotes). */

const PANEL_DIR = join(__dirname, '../../../fixtures/panel')

function readRows(name: string): string[][] {
  const bytes = readFileSync(join(PANEL_DIR, name))
  const text = name.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8')
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
}

/** Series by id, in file order, from a long `id,date,value` file. */
export function readLongPanel(name: string): Map<string, number[]> {
  const panel = new Map<string, number[]>()
  for (const [id, , value] of readRows(name)) {
    const values = panel.get(id) ?? []
    values.push(Number(value))
    panel.set(id, values)
  }
  return panel
}

/** Training and test parts by id, from `id,train,test` with each part's values separated by spaces. */
export function readValuesPanel(name: string): Map<string, { train: number[]; test: number[] }> {
  const panel = new Map<string, { train: number[]; test: number[] }>()
  for (const [id, train, test] of readRows(name))
    panel.set(id, { train: train.split(' ').map(Number), test: test.split(' ').map(Number) })
  return panel
}

/** One method's submitted forecasts by id, from `method,id,step,forecast`. */
export function readReferenceForecasts(name: string, method: string): Map<string, number[]> {
  const forecasts = new Map<string, number[]>()
  for (const [m, id, step, value] of readRows(name)) {
    if (m !== method) continue
    const values = forecasts.get(id) ?? []
    values[Number(step) - 1] = Number(value)
    forecasts.set(id, values)
  }
  return forecasts
}
