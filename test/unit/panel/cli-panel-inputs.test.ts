import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runForecast } from '../../../electron/cli/forecast'
import { runTrain } from '../../../electron/cli/train'
import { loadPanelModel, PANEL_MODEL_FILE } from '../../../electron/services/models/panel/panel-model-folder'
import { paramCount } from '../../../worker/engine/index'
import { captureIo } from '../helpers/cli-io'

const TYPED = resolve(__dirname, '../../fixtures/panel/m3_quarterly_typed_train.csv')
const SLICE = resolve(__dirname, '../../fixtures/panel/m3_quarterly_slice_train.csv')
const TINY = {
  layers: [{ cell: 'lstm' as const, units: 6, dropout: 0 }],
  epochs: 2,
  windowsPerEpoch: 200,
  ensemble: 1,
}

describe('CLI: static attributes and calendar inputs of a panel model', () => {
  let dir = ''
  let config = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lstm-panel-inputs-cli-'))
    config = join(dir, 'config.json')
    await writeFile(config, JSON.stringify(TINY))
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))
  const trainArgs = (out: string) => [
    '--id',
    'id',
    '--target',
    'value',
    '--horizon',
    '4',
    '--test',
    '0',
    '--config',
    config,
    '--out',
    out,
    '--workers',
    '1',
  ]

  it('train --static type --calendar saves the encoding; forecast reads the same column from the file', async () => {
    const model = join(dir, 'typed')
    const train = captureIo()
    const status = await runTrain([TYPED, ...trainArgs(model), '--static', 'type', '--calendar'], train.io)
    expect(status, train.text.stderr).toBe(0)
    expect(train.text.stderr).toMatch(/static attributes: type \(categorical, 3 values\)/)
    const summary = JSON.parse(train.text.stdout)
    expect(summary.config).toMatchObject({ staticInputs: ['type'], calendar: true })
    expect(summary.staticAttributes).toEqual([{ name: 'type', kind: 'categorical', categories: 3 }])
    const saved = JSON.parse(await readFile(join(model, PANEL_MODEL_FILE), 'utf8'))
    expect(saved.inputs).toEqual({
      static: [{ name: 'type', kind: 'categorical', categories: ['INDUSTRY', 'MACRO', 'MICRO'], other: [] }],
      calendar: { season: 4 },
    })
    // Read back: the weights are those of a network with 2 + 3 + 2 inputs per step.
    const loaded = await loadPanelModel(model)
    expect(loaded.info.inputs).toEqual(saved.inputs)
    expect(loaded.params.length).toBe(
      paramCount({ inputSize: 2 + 3 + 2, outputSize: 4, layers: TINY.layers }),
    )

    const out = join(dir, 'typed.csv')
    const forecast = captureIo()
    expect(await runForecast([model, TYPED, '--out', out], forecast.io), forecast.text.stderr).toBe(0)
    const lines = (await readFile(out, 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(1 + 12 * 4)
    expect(lines.slice(1).every((line) => Number.isFinite(Number(line.split(',')[2])))).toBe(true)

    // A file without the attribute's column cannot be encoded: refused, naming the column.
    const missing = captureIo()
    expect(await runForecast([model, SLICE, '--out', join(dir, 'x.csv')], missing.io)).toBe(2)
    expect(missing.text.stderr).toMatch(/static attribute "type"/)
  })

  it('refuses a column that is no static attribute, and one that changes within a series, saying why', async () => {
    const unknown = captureIo()
    expect(await runTrain([TYPED, ...trainArgs(join(dir, 'u')), '--static', 'region'], unknown.io)).toBe(2)
    expect(unknown.text.stderr).toMatch(/no static attribute "region"; its static attributes are type/)
    const rows = (await readFile(SLICE, 'utf8')).trim().split(/\r?\n/)
    const varying = join(dir, 'varying.csv')
    await writeFile(
      varying,
      [`${rows[0]},note`, ...rows.slice(1).map((row, i) => `${row},${i % 2 === 0 ? 'even' : 'odd'}`)].join(
        '\n',
      ),
    )
    const changing = captureIo()
    expect(await runTrain([varying, ...trainArgs(join(dir, 'v')), '--static', 'note'], changing.io)).toBe(2)
    expect(changing.text.stderr).toMatch(/column "note" changes within a series/)
  })

  it('keeps loading a panel model saved without extra inputs', async () => {
    const model = join(dir, 'plain')
    const train = captureIo()
    expect(await runTrain([SLICE, ...trainArgs(model)], train.io), train.text.stderr).toBe(0)
    const saved = JSON.parse(await readFile(join(model, PANEL_MODEL_FILE), 'utf8'))
    expect(saved.inputs).toBeUndefined()
    expect(saved.config.staticInputs).toBeUndefined()
    const loaded = await loadPanelModel(model)
    expect(loaded.params.length).toBe(paramCount({ inputSize: 2, outputSize: 4, layers: TINY.layers }))
  })
})
