import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runExport } from '../../../../electron/cli/export'
import { exportModelFolder } from '../../../../electron/services/exports/index'
import {
  loadPanelModel,
  savePanelModel,
  type PanelModelInfo,
} from '../../../../electron/services/models/panel/panel-model-folder'
import { forecastPanel } from '../../../../worker/panel/panel-forecast'
import { captureIo } from '../../helpers/cli-io'
import {
  maxRelativeDifference,
  nativeNetwork,
  panelSource,
  PERIOD,
  testSeries,
  type PanelCase,
} from './panel-fixtures'

/**
 * Panel model folders exported through the services and the CLI: the files, the card, the script
 * the card shows (run by node, as a user would, on a new series), and refusals named by their code.
 */

// Under the worktree so the exported script resolves onnxruntime-web from its node_modules.
const TMP = resolve(__dirname, '../../../../tmp')
let root = ''
beforeAll(async () => {
  await mkdir(TMP, { recursive: true })
  root = await mkdtemp(join(TMP, 'panel-export-'))
})
afterAll(async () => rm(root, { recursive: true, force: true }))

const CASE: PanelCase = { cells: ['lstm'], scaling: 'mean', members: 2, deseasonalise: true, seed: 21 }

async function panelFolder(name: string, changes: Partial<PanelModelInfo> = {}): Promise<string> {
  const source = panelSource(CASE)
  const info: PanelModelInfo = {
    format: 'lstm-studio-panel-model',
    version: 1,
    config: {
      ...source.config,
      windowsPerEpoch: 100,
      epochs: 1,
      patience: 1,
      batchSize: 8,
      lr: 0.01,
      loss: 'mse',
      ensemble: source.members,
      seed: 1,
    },
    keyNames: ['id'],
    target: 'sales',
    period: PERIOD,
    season: PERIOD,
    frequency: null,
    members: source.members,
    networkWeight: 1,
    intervals: source.intervals,
    summary: { seriesTrained: 5 },
    ...changes,
  }
  const dir = join(root, name)
  await savePanelModel(dir, { info, params: source.params })
  return dir
}

describe('exporting a panel model folder', () => {
  it('writes ONNX with its description, scripts and card; the card’s script forecasts a new series', async () => {
    const dir = await panelFolder('model-onnx')
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
    expect(card).toContain(await readFile(join(out, 'forecast.mjs'), 'utf8').then((s) => s.split('\n')[0]))
    const description = JSON.parse(await readFile(join(out, 'preprocessing.json'), 'utf8'))
    expect(description).toMatchObject({ kind: 'panel', window: { inGraph: true }, target: 'sales' })

    // A series the panel never had, at another scale, seasonal: the script adjusts it, runs the graph, reseasonalises.
    const series = testSeries()[3].values
    await writeFile(join(out, 'series.txt'), `${Array.from(series).join('\n')}\n`)
    const { stdout } = await promisify(execFile)(process.execPath, ['forecast.mjs', 'series.txt'], {
      cwd: out,
    })
    const printed = JSON.parse(stdout) as {
      forecast: number[]
      intervals: Record<string, [number, number][]>
    }
    const { info, params } = await loadPanelModel(dir)
    const native = await forecastPanel(nativeNetwork({ ...panelSource(CASE), params }), [series], info.period)
    expect(maxRelativeDifference(printed.forecast, native.forecasts[0])).toBeLessThanOrEqual(1e-4)
    expect(printed.intervals['95'][3]).toEqual([null, null])
    expect(printed.intervals['80'][0][0]).toBeLessThan(printed.forecast[0])
  })

  it('writes TF.js and the native format through the CLI', async () => {
    const dir = await panelFolder('model-cli')
    const tfjs = captureIo()
    expect(await runExport([dir, '--format', 'tfjs', '--out', join(root, 'tfjs')], tfjs.io)).toBe(0)
    expect(JSON.parse(tfjs.text.stdout).files).toEqual([
      'preprocessing.json',
      'forecast.mjs',
      'group1-shard1of1.bin',
      'model.json',
      'README.md',
    ])
    const card = await readFile(join(root, 'tfjs', 'README.md'), 'utf8')
    expect(card).toContain('the scaling\n  lives beside the graph')
    const native = captureIo()
    expect(await runExport([dir, '--format', 'native', '--out', join(root, 'native')], native.io)).toBe(0)
    const copy = await loadPanelModel(join(root, 'native'))
    expect(copy.params).toEqual((await loadPanelModel(dir)).params)
  })

  it('exports the trained network of a model whose forecasts validation left to Theta, and says so', async () => {
    const dir = await panelFolder('theta-only', { networkWeight: 0 })
    await exportModelFolder(dir, 'onnx', join(root, 'theta-only-onnx'), { appVersion: '1' })
    const card = await readFile(join(root, 'theta-only-onnx', 'README.md'), 'utf8')
    expect(card).toContain("so LSTM Studio's forecasts are Theta's (networkWeight 0)")
  })

  it('refuses a damaged or foreign panel folder by name', async () => {
    const truncated = await panelFolder('truncated')
    await writeFile(join(truncated, 'weights.bin'), new Uint8Array(12))
    await expect(
      exportModelFolder(truncated, 'onnx', join(root, 'x1'), { appVersion: '1' }),
    ).rejects.toMatchObject({
      code: 'MODEL_CORRUPT',
    })
    const garbled = await panelFolder('garbled')
    await writeFile(join(garbled, 'panel-model.json'), '{"format": "lstm-studio-panel-model", ')
    await expect(
      exportModelFolder(garbled, 'onnx', join(root, 'x2'), { appVersion: '1' }),
    ).rejects.toMatchObject({
      code: 'MODEL_CORRUPT',
      message: expect.stringContaining('not valid JSON'),
    })
    const badScaling = await panelFolder('bad-scaling')
    const info = JSON.parse(await readFile(join(badScaling, 'panel-model.json'), 'utf8'))
    info.config.scaling = 'zscore'
    await writeFile(join(badScaling, 'panel-model.json'), JSON.stringify(info))
    await expect(
      exportModelFolder(badScaling, 'tfjs', join(root, 'x3'), { appVersion: '1' }),
    ).rejects.toMatchObject({
      code: 'MODEL_CORRUPT',
      message: expect.stringContaining('config.scaling'),
    })
    const foreign = await panelFolder('foreign')
    await writeFile(join(foreign, 'panel-model.json'), JSON.stringify({ ...info, format: 'something-else' }))
    await expect(
      exportModelFolder(foreign, 'onnx', join(root, 'x4'), { appVersion: '1' }),
    ).rejects.toMatchObject({
      code: 'MODEL_NOT_PANEL',
    })
    // Refused before any folder is made.
    expect((await readdir(root)).filter((name) => name.startsWith('x'))).toEqual([])
  })

  it('the CLI names a wrong format and a damaged folder, with exit codes 1 and 2', async () => {
    const dir = await panelFolder('model-cli-refusals')
    const wrong = captureIo()
    expect(await runExport([dir, '--format', 'pmml', '--out', join(root, 'y1')], wrong.io)).toBe(1)
    expect(wrong.text.stderr).toContain('unknown format "pmml" (expected onnx, tfjs, native)')
    await writeFile(join(dir, 'weights.bin'), new Uint8Array(4))
    const damaged = captureIo()
    expect(await runExport([dir, '--format', 'onnx', '--out', join(root, 'y2')], damaged.io)).toBe(2)
    expect(damaged.text.stderr).toMatch(/weights\.bin holds 4 bytes/)
  })
})
