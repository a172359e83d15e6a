import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportModelFolder } from '../../../../electron/services/exports/index'
import { loadPanelModel } from '../../../../electron/services/models/panel/panel-model-folder'
import { forecastPanel } from '../../../../worker/panel/panel-forecast'
import { etsCompanion } from '../../../../worker/panel/companion-forecasts'
import { mixForecasts, type CombinationWeights } from '../../../../worker/pipeline/combination'
import { thetaForecast } from '../../../../worker/statistics/baselines/theta'
import { deseasonalise } from '../../../../worker/statistics/seasonality/deseasonalise'
import { runOnnx } from '../onnx-runtime'
import {
  LOOKBACK,
  maxRelativeDifference,
  nativeNetwork,
  panelSource,
  PERIOD,
  rawWindows,
  testSeries,
} from './panel-fixtures'
import { CASE, exportRoot, panelFolder } from './panel-folders'
import {
  PYTHON_WITH_NUMPY,
  runPython,
  runScript,
  writeSeries,
  type ScriptOutput,
} from './panel-script-runner'

/**
 * The scripts a panel export ships and its card shows (forecast.mjs, forecast.py), run as a user
 * would on one series: their forecasts must be the app's — the network's, and its combination's.
 */

let root = ''
let remove = async () => {}
beforeAll(async () => ({ root, remove } = await exportRoot('panel-export-')))
afterAll(() => remove())

const WITH_THETA: CombinationWeights = { network: 0.6, ets: 0, theta: 0.4 }
const WITH_ETS: CombinationWeights = { network: 0.5, ets: 0.25, theta: 0.25 }

/** The app's combination of one series' network forecast with its ETS and Theta. */
function combined(network: Float64Array, series: Float64Array, weights: CombinationWeights): Float64Array {
  return mixForecasts(
    network,
    { ets: () => etsCompanion(series, PERIOD, 4), theta: () => thetaForecast(series, PERIOD, 4) },
    weights,
  )
}

describe('the scripts of a panel export', () => {
  it('writes ONNX with its description, scripts and card; the card’s script forecasts a new series', async () => {
    const dir = await panelFolder(root, 'model-onnx')
    const out = join(root, 'onnx')
    const result = await exportModelFolder(dir, 'onnx', out, { appVersion: '1.2.3' })
    expect(result.files).toEqual([
      'preprocessing.json',
      'forecast.mjs',
      'forecast.py',
      'model.onnx',
      'README.md',
    ])
    expect((await readdir(out)).sort()).toEqual([...result.files].sort())
    const card = await readFile(join(out, 'README.md'), 'utf8')
    expect(card).toContain('# sales panel forecaster — ONNX export')
    expect(card).toContain('Seasonal adjustment, per series from its own history (period 4)')
    expect(card).not.toContain('## Further inputs') // a plain model: no inputs file to give
    expect(card).toContain(await readFile(join(out, 'forecast.mjs'), 'utf8').then((s) => s.split('\n')[0]))
    const description = JSON.parse(await readFile(join(out, 'preprocessing.json'), 'utf8'))
    expect(description).toMatchObject({ kind: 'panel', window: { inGraph: true }, target: 'sales' })

    // A series the panel never had, at another scale, seasonal: the script adjusts it, runs the graph, reseasonalises.
    const series = testSeries()[3].values
    const printed = await runScript(out, series)
    const { info, params } = await loadPanelModel(dir)
    const native = await forecastPanel(nativeNetwork({ ...panelSource(CASE), params }), [series], info.period)
    expect(maxRelativeDifference(printed.forecast, native.forecasts[0])).toBeLessThanOrEqual(1e-4)
    expect(printed.intervals['95'][3]).toEqual([null, null])
    expect(printed.intervals['80'][0][0]!).toBeLessThan(printed.forecast[0])
  })

  it('the TF.js export’s script combines with Theta at the model’s weights, as the app does', async () => {
    const dir = await panelFolder(root, 'model-blend', { networkWeight: 0.6, combination: WITH_THETA })
    const out = join(root, 'tfjs-blend')
    await exportModelFolder(dir, 'tfjs', out, { appVersion: '1.2.3' })
    const series = testSeries()[1].values
    const printed = await runScript(out, series)
    const native = await forecastPanel(nativeNetwork(panelSource(CASE)), [series], PERIOD)
    expect(maxRelativeDifference(printed.network, native.forecasts[0])).toBeLessThanOrEqual(1e-4)
    // The app's Theta fits SES by Nelder–Mead, the script by golden section: equal to the optimisers' precision.
    const app = combined(native.forecasts[0], series, WITH_THETA)
    expect(maxRelativeDifference(printed.forecast, app)).toBeLessThanOrEqual(1e-3)
  })

  it('with ETS in the combination, forecast.mjs reads its forecast from a second file, and asks for it', async () => {
    const dir = await panelFolder(root, 'model-ets', { networkWeight: 0.5, combination: WITH_ETS })
    const out = join(root, 'onnx-ets')
    await exportModelFolder(dir, 'onnx', out, { appVersion: '1.2.3' })
    const series = testSeries()[0].values
    await expect(runScript(out, series)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('This model combines ETS at weight 0.25: pass its forecast'),
    })
    const ets = etsCompanion(series, PERIOD, 4)!
    await writeFile(join(out, 'ets.txt'), Array.from(ets).join('\n'))
    const printed = await runScript(out, series, 'ets.txt')
    const native = await forecastPanel(nativeNetwork(panelSource(CASE)), [series], PERIOD)
    expect(
      maxRelativeDifference(printed.forecast, combined(native.forecasts[0], series, WITH_ETS)),
    ).toBeLessThanOrEqual(1e-3)
  })

  it.skipIf(!PYTHON_WITH_NUMPY)(
    'the ONNX export’s forecast.py builds the window and blends as the app does',
    async () => {
      const dir = await panelFolder(root, 'model-python', { networkWeight: 0.6, combination: WITH_THETA })
      const out = join(root, 'onnx-python')
      await exportModelFolder(dir, 'onnx', out, { appVersion: '1.2.3' })
      const series = testSeries()[2].values
      const window = rawWindows([deseasonalise(series, PERIOD).adjusted], LOOKBACK)
      const graph = await runOnnx(new Uint8Array(await readFile(join(out, 'model.onnx'))), window, [
        1,
        LOOKBACK,
        2,
      ])
      await writeSeries(out, series)
      const python = await runPython(out, join(root, 'python-stub'), graph.data, ['series.txt'])
      const fed = await python.fed()
      expect(
        maxRelativeDifference(
          fed.filter((v) => v !== 0),
          Array.from(window).filter((v) => v !== 0),
        ),
      ).toBeLessThanOrEqual(1e-6)
      const printed = JSON.parse(python.stdout) as ScriptOutput
      const native = await forecastPanel(nativeNetwork(panelSource(CASE)), [series], PERIOD)
      expect(maxRelativeDifference(printed.network, native.forecasts[0])).toBeLessThanOrEqual(1e-4)
      const app = combined(native.forecasts[0], series, WITH_THETA)
      expect(maxRelativeDifference(printed.forecast, app)).toBeLessThanOrEqual(1e-3)
      expect(printed.intervals['95'][3]).toEqual([null, null])
    },
  )
})
