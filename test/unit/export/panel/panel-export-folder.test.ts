import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runExport } from '../../../../electron/cli/export'
import { exportModelFolder } from '../../../../electron/services/exports/index'
import { loadPanelModel } from '../../../../electron/services/models/panel/panel-model-folder'
import { captureIo } from '../../helpers/cli-io'
import { exportRoot, panelFolder } from './panel-folders'

/** Panel model folders exported through the services and the CLI: files, cards, refusals by code. */

let root = ''
let remove = async () => {}
beforeAll(async () => ({ root, remove } = await exportRoot('panel-export-')))
afterAll(() => remove())

describe('exporting a panel model folder', () => {
  it('writes TF.js and the native format through the CLI', async () => {
    const dir = await panelFolder(root, 'model-cli')
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

  it('exports the trained network of a model whose forecasts validation left to ETS and Theta, and says so', async () => {
    const dir = await panelFolder(root, 'theta-only', {
      networkWeight: 0,
      combination: { network: 0, ets: 0.5, theta: 0.5 },
    })
    await exportModelFolder(dir, 'onnx', join(root, 'theta-only-onnx'), { appVersion: '1' })
    const card = await readFile(join(root, 'theta-only-onnx', 'README.md'), 'utf8')
    expect(card).toContain('forecast = 0.5 × ETS + 0.5 × Theta')
    expect(card).toContain("so LSTM Studio's forecasts are the companions' (network weight 0)")
  })

  it('refuses a damaged or foreign panel folder by name', async () => {
    const truncated = await panelFolder(root, 'truncated')
    await writeFile(join(truncated, 'weights.bin'), new Uint8Array(12))
    await expect(
      exportModelFolder(truncated, 'onnx', join(root, 'x1'), { appVersion: '1' }),
    ).rejects.toMatchObject({
      code: 'MODEL_CORRUPT',
    })
    const garbled = await panelFolder(root, 'garbled')
    await writeFile(join(garbled, 'panel-model.json'), '{"format": "lstm-studio-panel-model", ')
    await expect(
      exportModelFolder(garbled, 'onnx', join(root, 'x2'), { appVersion: '1' }),
    ).rejects.toMatchObject({
      code: 'MODEL_CORRUPT',
      message: expect.stringContaining('not valid JSON'),
    })
    const badScaling = await panelFolder(root, 'bad-scaling')
    const info = JSON.parse(await readFile(join(badScaling, 'panel-model.json'), 'utf8'))
    info.config.scaling = 'zscore'
    await writeFile(join(badScaling, 'panel-model.json'), JSON.stringify(info))
    await expect(
      exportModelFolder(badScaling, 'tfjs', join(root, 'x3'), { appVersion: '1' }),
    ).rejects.toMatchObject({
      code: 'MODEL_CORRUPT',
      message: expect.stringContaining('config.scaling'),
    })
    const foreign = await panelFolder(root, 'foreign')
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
    const dir = await panelFolder(root, 'model-cli-refusals')
    const wrong = captureIo()
    expect(await runExport([dir, '--format', 'pmml', '--out', join(root, 'y1')], wrong.io)).toBe(1)
    expect(wrong.text.stderr).toContain('unknown format "pmml" (expected onnx, tfjs, native)')
    await writeFile(join(dir, 'weights.bin'), new Uint8Array(4))
    const damaged = captureIo()
    expect(await runExport([dir, '--format', 'onnx', '--out', join(root, 'y2')], damaged.io)).toBe(2)
    expect(damaged.text.stderr).toMatch(/weights\.bin holds 4 bytes/)
  })
})
