import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportModelFolder } from '../../../../electron/services/exports/index'
import { forecastPanel } from '../../../../worker/panel/panel-forecast'
import { buildWindows } from '../../../../worker/panel/window-builder'
import { deseasonalise } from '../../../../worker/statistics/seasonality/deseasonalise'
import { runOnnx } from '../onnx-runtime'
import { LOOKBACK, maxRelativeDifference, PERIOD, rawWindows, testSeries } from './panel-fixtures'
import { exportRoot, panelFolder } from './panel-folders'
import {
  INPUT_CASE,
  INPUT_ENCODING,
  inputNetwork,
  seriesWithInputs,
  type SeriesWithInputs,
} from './panel-input-fixtures'
import {
  PYTHON_WITH_NUMPY,
  runPython,
  runScript,
  writeSeries,
  type ScriptOutput,
} from './panel-script-runner'

/**
 * A panel model that reads static attributes, the calendar and a covariate known ahead, run from
 * its exports' scripts with an inputs file: the network's forecast must be the app's
 * (forecastPanel with the series' features), padded steps included; what the file leaves out is
 * refused by name.
 */

let root = ''
let remove = async () => {}
beforeAll(async () => ({ root, remove } = await exportRoot('panel-inputs-')))
afterAll(() => remove())

async function exportWithInputs(name: string, format: 'onnx' | 'tfjs'): Promise<string> {
  const dir = await panelFolder(root, `model-${name}`, { inputs: INPUT_ENCODING }, INPUT_CASE)
  const out = join(root, name)
  await exportModelFolder(dir, format, out, { appVersion: '1.2.3' })
  return out
}

async function writeInputs(out: string, file: unknown): Promise<void> {
  await writeFile(join(out, 'inputs.json'), JSON.stringify(file))
}

/** The app's network forecast of the series, from the features it builds itself. */
async function appForecast(s: SeriesWithInputs): Promise<Float64Array> {
  const native = await forecastPanel(inputNetwork(), [s.values], PERIOD, s.features)
  return native.forecasts[0]
}

/** The raw window the ONNX graph reads: adjusted values and flags, then the app's own further inputs. */
function appRawWindow(s: SeriesWithInputs): Float32Array {
  const F = INPUT_CASE.inputSize!
  const adjusted = deseasonalise(s.values, PERIOD).adjusted
  const built = buildWindows([adjusted], [{ series: 0, origin: s.values.length }], inputNetwork(), s.features)
  const raw = rawWindows([adjusted], LOOKBACK)
  return Float32Array.from(built.x, (v, i) => (i % F < 2 ? raw[Math.floor(i / F) * 2 + (i % F)] : v))
}

describe('the scripts of a panel export whose model reads further inputs', () => {
  it('ONNX forecast.mjs fills attributes, phase and covariates on a padded series as the app does', async () => {
    const out = await exportWithInputs('onnx', 'onnx')
    // 7 points for a 12-step lookback: the padding steps carry phase and covariates too.
    const s = seriesWithInputs(testSeries()[4].values, { type: 'RARE', size: 5 })
    await writeInputs(out, s.file)
    const printed = await runScript(out, s.values, '--inputs', 'inputs.json')
    expect(maxRelativeDifference(printed.network, await appForecast(s))).toBeLessThanOrEqual(1e-4)
  })

  it('TF.js forecast.mjs does the same on a long seasonal series, an empty attribute reading 0', async () => {
    const out = await exportWithInputs('tfjs', 'tfjs')
    const s = seriesWithInputs(testSeries()[3].values, { type: 'MACRO', size: null })
    await writeInputs(out, s.file)
    const printed = await runScript(out, s.values, '--inputs', 'inputs.json')
    expect(maxRelativeDifference(printed.network, await appForecast(s))).toBeLessThanOrEqual(1e-4)
  })

  it('forecast.mjs refuses, by name, an inputs file that lacks what the model reads', async () => {
    const out = await exportWithInputs('refusals', 'onnx')
    const s = seriesWithInputs(testSeries()[0].values, { type: 'MICRO', size: 2 })
    const refused = async (file: unknown, message: string, args = ['--inputs', 'inputs.json']) => {
      await writeInputs(out, file)
      await expect(runScript(out, s.values, ...args)).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining(message),
      })
    }
    await refused(
      s.file,
      'this model also reads attribute "type", attribute "size", seasonPosition (season 4), covariate "promo"',
      [],
    )
    await refused(
      { ...s.file, attributes: { type: 'MICRO' } },
      'inputs.json gives no attribute "size", which this model reads',
    )
    const short = s.file.covariates.promo.slice(0, s.values.length + 3)
    await refused(
      { ...s.file, covariates: { promo: short } },
      `covariate "promo" has ${s.values.length + 3} values; this model needs ${s.values.length + 4}`,
    )
    await refused({ ...s.file, seasonPosition: undefined }, 'inputs.json must give "seasonPosition"')
    await refused({ ...s.file, seasonPosition: 4 }, 'a whole number from 0 to 3, not 4')
    await refused({ ...s.file, season: 2 }, 'inputs.json: unknown "season"')
    await refused(s.file, "Unknown option '--input'", ['--input', 'inputs.json'])
  })

  it.skipIf(!PYTHON_WITH_NUMPY)(
    'forecast.py feeds the graph the window the app builds, further inputs included, and refuses by name',
    async () => {
      const out = await exportWithInputs('python', 'onnx')
      const s = seriesWithInputs(testSeries()[1].values, { type: 'MICRO', size: 4.5 })
      const window = appRawWindow(s)
      const bytes = new Uint8Array(await readFile(join(out, 'model.onnx')))
      const graph = await runOnnx(bytes, window, [1, LOOKBACK, INPUT_CASE.inputSize!])
      await writeSeries(out, s.values)
      await writeInputs(out, s.file)
      const stub = join(root, 'python-stub')
      const python = await runPython(out, stub, graph.data, ['series.txt', '--inputs', 'inputs.json'])
      const fed = await python.fed()
      expect(fed).toHaveLength(window.length)
      const worst = Math.max(...fed.map((v, i) => Math.abs(v - window[i]) / Math.max(1, Math.abs(window[i]))))
      expect(worst).toBeLessThanOrEqual(1e-6)
      const printed = JSON.parse(python.stdout) as ScriptOutput
      expect(maxRelativeDifference(printed.network, await appForecast(s))).toBeLessThanOrEqual(1e-4)

      await writeInputs(out, { ...s.file, attributes: { size: 4.5 } })
      await expect(
        runPython(out, stub, graph.data, ['series.txt', '--inputs', 'inputs.json']),
      ).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('inputs.json gives no attribute "type", which this model reads'),
      })
      await writeInputs(out, { ...s.file, covariates: { promo: s.file.covariates.promo.slice(0, -1) } })
      await expect(
        runPython(out, stub, graph.data, ['series.txt', '--inputs', 'inputs.json']),
      ).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining(
          `covariate "promo" has ${s.values.length + 3} values; this model needs`,
        ),
      })
    },
  )
})
