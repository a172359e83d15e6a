import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runExport } from '../../../electron/cli/export'
import { runForecast } from '../../../electron/cli/forecast'
import { loadForecastModel, loadModelFolder } from '../../../electron/services/models/index'
import { FORMAT_VERSION } from '../../../worker/model-format/index'
import { captureIo } from '../helpers/cli-io'

/**
 * Models LSTM Studio 0.1 saved (test/fixtures/models, see its README): native format 1 and an ONNX
 * export with a version 2 description. Both kept the first target apart from the others; this
 * version must still read them and forecast exactly what 0.1 forecast from them.
 */

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'models')
const DATA = join(FIXTURES, 'two-targets.csv')
const OLD_MODEL = join(FIXTURES, 'format-1-model')

let root = ''
beforeAll(async () => (root = await mkdtemp(join(tmpdir(), 'lstm-format-1-'))))
afterAll(async () => rm(root, { recursive: true, force: true }))

async function forecast(model: string, out: string, extra: string[] = []) {
  const capture = captureIo()
  const status = await runForecast([model, DATA, '--out', out, ...extra], capture.io)
  return { status, ...capture.text, csv: status === 0 ? await readFile(out, 'utf8') : '' }
}

/** A copy of the format 1 folder whose training.json is replaced. */
async function withTraining(name: string, training: unknown): Promise<string> {
  const folder = join(root, name)
  await cp(OLD_MODEL, folder, { recursive: true })
  await writeFile(join(folder, 'training.json'), JSON.stringify(training))
  return folder
}

describe('a model saved by 0.1 (native format 1)', () => {
  it('loads with every target named and calibrated, the first named by its training.json', async () => {
    const { model, manifest } = await loadModelFolder(OLD_MODEL)
    expect(manifest.version).toBe(FORMAT_VERSION)
    expect(model.state.targets.map((target) => target.name)).toEqual(['sales', 'visits'])
    expect(model.calibrations).toHaveLength(2)
    expect(model.calibrations[0]).not.toEqual(model.calibrations[1])
    expect(manifest.features).toEqual([
      'target.sales',
      'target.visits',
      'target.sales.seasonalDifference',
      'target.visits.seasonalDifference',
      'past.price',
      'calendar.month_sin',
      'calendar.month_cos',
    ])
  })

  it('forecasts from the command line exactly what 0.1 forecast, in long form', async () => {
    const result = await forecast(OLD_MODEL, join(root, 'native.csv'))
    expect(result.status, result.stderr).toBe(0)
    expect(result.csv).toBe(await readFile(join(FIXTURES, 'format-1-forecast.csv'), 'utf8'))
  })

  it('names its first target from the app’s training record too, else reads the column "value"', async () => {
    const app = await withTraining('app', {
      source: { datasetId: 'd', target: 'sales', extraTargets: ['visits'] },
    })
    expect((await loadModelFolder(app)).model.state.targets.map((target) => target.name)).toEqual([
      'sales',
      'visits',
    ])
    const unnamed = await withTraining('unnamed', {})
    expect((await loadModelFolder(unnamed)).model.state.targets.map((target) => target.name)).toEqual([
      'value',
      'visits',
    ])
    const refused = await forecast(unnamed, join(root, 'unnamed.csv'))
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/No column "value"/)
    const named = await forecast(unnamed, join(root, 'named.csv'), ['--target', 'sales,visits'])
    expect(named.status, named.stderr).toBe(0)
    expect(named.csv).toBe(await readFile(join(FIXTURES, 'format-1-forecast.csv'), 'utf8'))
  })

  it('is written again in the current format by a native export, forecasting the same', async () => {
    const copy = join(root, 'native-copy')
    const capture = captureIo()
    expect(await runExport([OLD_MODEL, '--format', 'native', '--out', copy], capture.io)).toBe(0)
    const manifest = JSON.parse(await readFile(join(copy, 'model.json'), 'utf8'))
    expect(manifest.version).toBe(FORMAT_VERSION)
    expect(manifest.pipeline.targets.map((target: { name: string }) => target.name)).toEqual([
      'sales',
      'visits',
    ])
    expect(manifest).not.toHaveProperty('calibration')
    const result = await forecast(copy, join(root, 'copy.csv'))
    expect(result.csv).toBe(await readFile(join(FIXTURES, 'format-1-forecast.csv'), 'utf8'))
  })
})

describe('an ONNX export made by 0.1 (description version 2)', () => {
  it('reads its targets from targetName and extraTargets and forecasts what 0.1 forecast', async () => {
    const loaded = await loadForecastModel(join(FIXTURES, 'format-1-onnx'))
    expect(loaded.model.state.targets.map((target) => target.name)).toEqual(['sales', 'visits'])
    const result = await forecast(join(FIXTURES, 'format-1-onnx'), join(root, 'onnx.csv'))
    expect(result.status, result.stderr).toBe(0)
    expect(result.csv).toBe(await readFile(join(FIXTURES, 'format-1-forecast.csv'), 'utf8'))
  })
})
