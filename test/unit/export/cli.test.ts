import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runExport } from '../../../electron/cli/export'
import { loadModelFolder, saveModelFolder } from '../../../electron/services/models/index'
import { mulberry32, paramCount, type LayerSpec } from '../../../worker/engine/index'
import { networkOf, PREPROCESSING_KEY, type ExportNetwork } from '../../../worker/export/index'
import { MAX_UNROLLED_LOOKBACK } from '../../../worker/export/tfjs/unrolled-stack'
import { prepare } from '../../../worker/pipeline/index'
import { modelWith, monthlySeries, seasonalSeries, tinyConfig } from '../pipeline/helpers'
import { maxAbsDifference, randomInputs, referenceForecast } from './networks'
import { runOnnx } from './onnx-runtime'
import { captureIo } from '../helpers/cli-io'

let root = ''
beforeAll(async () => (root = await mkdtemp(join(tmpdir(), 'lstm-export-'))))
afterAll(async () => rm(root, { recursive: true, force: true }))

/** A native model folder as `lstm-studio train` writes it, with random weights. */
async function modelFolder(name: string, layers: LayerSpec[], lookback = 12): Promise<string> {
  const series = monthlySeries(seasonalSeries(lookback + 84, 2), 'sales')
  const { state } = prepare(
    series,
    tinyConfig({ layers, lookback, transforms: { scaling: 'zscore', log: 'log', difference: 'none' } }),
  )
  const random = mulberry32(9)
  const params = Float32Array.from({ length: paramCount(state.spec) }, () => random() - 0.5)
  const directory = join(root, name)
  await saveModelFolder(directory, modelWith(state, params, series), {
    metrics: {
      test: { mae: 3.21, rmse: 4.5, mase: 0.81, smape: 5.2 },
      baselines: {
        seasonalNaive: { mae: 4.1, rmse: 5, mase: 1.03, smape: 6.6 },
        ets: { error: 'too short' },
      },
    },
    training: {
      data: { file: 'sales.csv', targets: ['sales'], rows: 96 },
      summary: { epochsRun: 4, bestEpoch: 2 },
    },
  })
  return directory
}

async function run(...argv: string[]) {
  const capture = captureIo()
  const status = await runExport(argv, capture.io)
  return { status, ...capture.text }
}

/** A TF.js export folder loaded from its own files, as a consumer would. */
async function loadTfjsFolder(directory: string) {
  const modelJson = JSON.parse(await readFile(join(directory, 'model.json'), 'utf8'))
  const shard = await readFile(join(directory, modelJson.weightsManifest[0].paths[0]))
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: new Uint8Array(shard).buffer,
    }),
  )
  return { model, modelJson }
}

const BATCH = 2

function predictWith(model: tf.LayersModel, network: ExportNetwork): Float32Array {
  const x = randomInputs(network, BATCH, 5)
  return tf.tidy(
    () =>
      (
        model.predict(tf.tensor3d(x, [BATCH, network.lookback, network.spec.inputSize])) as tf.Tensor
      ).dataSync() as Float32Array,
  )
}

function referenceOf(network: ExportNetwork): Float64Array {
  return referenceForecast(network, randomInputs(network, BATCH, 5), BATCH)
}

describe('lstm-studio export', () => {
  it('writes an ONNX folder whose model.onnx reproduces the engine, with scaling and a model card', async () => {
    const source = await modelFolder('lstm-gru', [
      { cell: 'lstm', units: 6, dropout: 0 },
      { cell: 'gru', units: 4, dropout: 0 },
    ])
    const out = join(root, 'onnx-out')
    const result = await run(source, '--format', 'onnx', '--out', out)
    expect(result.status, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout).files).toEqual(['preprocessing.json', 'model.onnx', 'README.md'])
    const network = networkOf((await loadModelFolder(source)).model)
    const x = randomInputs(network, 3, 1)
    const onnx = await runOnnx(await readFile(join(out, 'model.onnx')), x, [
      3,
      network.lookback,
      network.spec.inputSize,
    ])
    expect(maxAbsDifference(onnx.data, referenceForecast(network, x, 3))).toBeLessThanOrEqual(1e-4)
    const preprocessing = JSON.parse(await readFile(join(out, 'preprocessing.json'), 'utf8'))
    const [target] = preprocessing.targets
    expect(preprocessing.targets).toHaveLength(1)
    expect(target.name).toBe('sales')
    expect(target.transform.log.log).toBe('log')
    const card = await readFile(join(out, 'README.md'), 'utf8')
    expect(card).toMatch(/^# sales forecaster — ONNX export/)
    expect(card).toContain('LSTM 6 → GRU 4')
    expect(card).toContain('| this model | 3.210 | 4.500 | 0.810 | 5.200 |')
    expect(card).toContain('| seasonalNaive | 4.100 |')
    expect(card).not.toContain('| ets |')
    expect(card).toContain(`z_t = (d_t − ${target.transform.scale.shift}) / ${target.transform.scale.scale}`)
    expect(card).toContain('import onnxruntime as ort')
  })

  it('writes a TF.js folder that loads from its files, and a native folder that round-trips exactly', async () => {
    const source = await modelFolder('lstm', [{ cell: 'lstm', units: 5, dropout: 0 }])
    const tfjsOut = join(root, 'tfjs-out')
    expect((await run(source, '--format', 'tfjs', '--out', tfjsOut)).status).toBe(0)
    const { model, modelJson } = await loadTfjsFolder(tfjsOut)
    const loaded = await loadModelFolder(source)
    const network = networkOf(loaded.model)
    expect(maxAbsDifference(predictWith(model, network), referenceOf(network))).toBeLessThanOrEqual(1e-4)
    expect(modelJson.userDefinedMetadata[PREPROCESSING_KEY].lookback).toBe(network.lookback)

    const nativeOut = join(root, 'native-out')
    expect((await run(source, '--format', 'native', '--out', nativeOut)).status).toBe(0)
    const copy = await loadModelFolder(nativeOut)
    expect(Array.from(copy.model.params)).toEqual(Array.from(loaded.model.params))
    expect(copy.model.state).toEqual(loaded.model.state)
    expect(copy.metrics).toEqual(loaded.metrics)
    expect(await readFile(join(nativeOut, 'README.md'), 'utf8')).toContain('lstm-studio forecast')
  })

  it('writes GRU models to TF.js as unrolled graphs, refusing windows too long for tfjs to load', async () => {
    const gru = await modelFolder('gru', [{ cell: 'gru', units: 3, dropout: 0 }])
    const written = await run(gru, '--format', 'tfjs', '--out', join(root, 'gru-tfjs'))
    expect(written.status, written.stderr).toBe(0)
    const { model, modelJson } = await loadTfjsFolder(join(root, 'gru-tfjs'))
    expect(modelJson.modelTopology.class_name).toBe('Model')
    const network = networkOf((await loadModelFolder(gru)).model)
    expect(maxAbsDifference(predictWith(model, network), referenceOf(network))).toBeLessThanOrEqual(1e-4)

    const long = await modelFolder(
      'long-gru',
      [{ cell: 'gru', units: 2, dropout: 0 }],
      MAX_UNROLLED_LOOKBACK + 1,
    )
    const out = join(root, 'never-written')
    const refused = await run(long, '--format', 'tfjs', '--out', out)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/GRU.*Export it as ONNX/s)
    await expect(readdir(out)).rejects.toThrow()
  })

  it('refuses to export a model into its own folder', async () => {
    const source = await modelFolder('rnn', [{ cell: 'rnn', units: 3, dropout: 0 }])
    const same = await run(source, '--format', 'native', '--out', source)
    expect(same.status).toBe(2)
    expect(same.stderr).toMatch(/model folder itself/)
  })

  it('refuses foreign, damaged and missing model folders with the model-format messages', async () => {
    const foreign = join(root, 'foreign')
    await saveModelFolder(
      foreign,
      (await loadModelFolder(await modelFolder('f', [{ cell: 'rnn', units: 2, dropout: 0 }]))).model,
      { metrics: {}, training: {} },
    )
    await writeFile(join(foreign, 'model.json'), '{"format":"keras","version":1}')
    const damaged = await modelFolder('damaged', [{ cell: 'rnn', units: 2, dropout: 0 }])
    const weights = await readFile(join(damaged, 'weights.bin'))
    weights[0] ^= 0xff
    await writeFile(join(damaged, 'weights.bin'), weights)
    const cases: [string, RegExp][] = [
      [foreign, /not an LSTM Studio model/],
      [damaged, /damaged: weights.bin does not match its checksum/],
      [join(root, 'nowhere'), /has no model.json/],
    ]
    for (const [directory, message] of cases) {
      const result = await run(directory, '--format', 'onnx', '--out', join(root, 'x'))
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(message)
    }
  })

  it('refuses a folder that already holds files unless --force, naming the folder', async () => {
    const source = await modelFolder('for-busy-folder', [{ cell: 'rnn', units: 2, dropout: 0 }])
    const busy = join(root, 'busy folder')
    await mkdir(busy)
    await writeFile(join(busy, 'notes.txt'), 'mine')
    const refused = await run(source, '--format', 'onnx', '--out', busy)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain(busy)
    expect(refused.stderr).toMatch(/already holds.*notes\.txt.*--force/s)
    expect(await readdir(busy)).toEqual(['notes.txt'])

    const forced = await run(source, '--format', 'onnx', '--out', busy, '--force')
    expect(forced.status, forced.stderr).toBe(0)
    expect((await readdir(busy)).sort()).toEqual([
      'README.md',
      'model.onnx',
      'notes.txt',
      'preprocessing.json',
    ])
    expect(await readFile(join(busy, 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('answers usage errors with status 1', async () => {
    expect((await run('model')).status).toBe(1)
    expect((await run('model', '--format', 'keras', '--out', 'x')).stderr).toMatch(/unknown format "keras"/)
    expect((await run('model', '--format', 'onnx', '--out', 'x', '--bogus')).status).toBe(1)
  })
})
