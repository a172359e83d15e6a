import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PREPROCESSING_KEY, type ExportPreprocessing } from '../../../worker/export/index'
import { modelProtoType } from '../../../worker/export/onnx/onnx-schema'
import {
  emptyFolder,
  exportTo,
  forecastFrom,
  join,
  nativeModel,
  seriesValues,
  writeSeriesCsv,
} from './export-folders'

/**
 * What `lstm-studio forecast` refuses among would-be exports, each with a message naming the
 * problem and the input-refused status (2); and the version 1 description it still reads.
 */

type ModelObject = {
  producer_name: string
  metadata_props: { key: string; value: string }[]
  graph: { node: { name: string; op_type: string; input: string[]; output: string[] }[] }
}

let root = ''
let csv = ''
let onnxBytes = new Uint8Array()
let nativeCsv: string[][] = []

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lstm-forecast-refusals-'))
  csv = join(root, 'sales.csv')
  const values = seriesValues(11)
  await writeSeriesCsv(csv, values)
  const native = await nativeModel(
    join(root, 'native'),
    values,
    { layers: [{ cell: 'lstm', units: 3, dropout: 0 }] },
    11,
  )
  nativeCsv = (await forecastFrom(native, csv, join(root, 'native.csv'))).rows
  expect((await exportTo(native, 'onnx', join(root, 'onnx'))).status).toBe(0)
  onnxBytes = new Uint8Array(await readFile(join(root, 'onnx', 'model.onnx')))
})
afterAll(async () => rm(root, { recursive: true, force: true }))

function decoded(): ModelObject {
  const type = modelProtoType()
  return type.toObject(type.decode(onnxBytes), { longs: Number }) as ModelObject
}

async function onnxFolder(name: string, model: ModelObject | Uint8Array): Promise<string> {
  const type = modelProtoType()
  const bytes = model instanceof Uint8Array ? model : type.encode(type.fromObject(model)).finish()
  const folder = await emptyFolder(join(root, name))
  await writeFile(join(folder, 'model.onnx'), bytes)
  return folder
}

/** A TF.js Layers folder as tfjs itself saves a plain Dense model. */
async function foreignTfjsFolder(): Promise<string> {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] })
  const folder = await emptyFolder(join(root, 'dense-tfjs'))
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      await writeFile(join(folder, 'weights.bin'), new Uint8Array(artifacts.weightData as ArrayBuffer))
      const manifest = [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }]
      const json = {
        format: 'layers-model',
        modelTopology: artifacts.modelTopology,
        weightsManifest: manifest,
      }
      await writeFile(join(folder, 'model.json'), JSON.stringify(json))
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
    }),
  )
  return folder
}

async function expectRefusal(folder: string, message: RegExp): Promise<void> {
  const run = await forecastFrom(folder, csv, join(root, 'never.csv'))
  expect(run.status).toBe(2)
  expect(run.stderr).toMatch(message)
  expect(run.stdout).toBe('')
}

describe('lstm-studio forecast refuses what is not an LSTM Studio export', () => {
  it('a damaged model.onnx', async () => {
    const truncated = onnxBytes.slice(0, Math.floor(onnxBytes.length / 2))
    await expectRefusal(await onnxFolder('truncated', truncated), /model.onnx is not a readable ONNX file/)
  })

  it('an ONNX file another tool produced', async () => {
    const model = { ...decoded(), producer_name: 'pytorch' }
    await expectRefusal(await onnxFolder('pytorch', model), /produced by "pytorch", not LSTM Studio/)
  })

  it('an LSTM Studio ONNX file whose graph was edited', async () => {
    const model = decoded()
    model.graph.node.push({ name: 'extra', op_type: 'Relu', input: ['forecast'], output: ['relu'] })
    await expectRefusal(await onnxFolder('edited', model), /unsupported graph: operator Relu/)
  })

  it('an ONNX file without the preprocessing description', async () => {
    const model = { ...decoded(), metadata_props: [] }
    await expectRefusal(await onnxFolder('no-metadata', model), /no lstm_studio.preprocessing metadata/)
  })

  it('a TF.js Layers model that LSTM Studio did not export', async () => {
    await expectRefusal(
      await foreignTfjsFolder(),
      /TensorFlow.js model but not an LSTM Studio export: its userDefinedMetadata has no lstm_studio.preprocessing/,
    )
  })

  it('a TF.js export whose description counts other members than its graph averages', async () => {
    const folder = join(root, 'tfjs-members')
    expect((await exportTo(join(root, 'native'), 'tfjs', folder)).status).toBe(0)
    const path = join(folder, 'model.json')
    const json = JSON.parse(await readFile(path, 'utf8'))
    json.userDefinedMetadata[PREPROCESSING_KEY].members = 3
    await writeFile(path, JSON.stringify(json))
    await expectRefusal(folder, /description averages 3 networks, the TF.js graph 1/)
  })

  it('an empty folder, a missing one and a model.json of neither kind', async () => {
    await expectRefusal(
      await emptyFolder(join(root, 'empty')),
      /holds no model: the folder is empty; expected .*model.onnx/,
    )
    await expectRefusal(join(root, 'nowhere'), /There is no folder/)
    const odd = await emptyFolder(join(root, 'odd'))
    await writeFile(join(odd, 'model.json'), '{"name":"something"}')
    await expectRefusal(odd, /not an LSTM Studio model .* and not a TensorFlow.js Layers model/)
  })
})

/**
 * The description as version 1 wrote it: the one target apart (`target`, `intervals`, inputs named
 * `target`), none of the fields version 2 added. (A real version 2 description: format-1.test.ts.)
 */
function asVersion1(description: ExportPreprocessing): Record<string, unknown> {
  const [{ name, transform, intervals }] = description.targets
  const unnamed = (feature: string) => feature.replace(`target.${name}`, 'target')
  const old: Record<string, unknown> = {
    ...description,
    version: 1,
    target: transform,
    intervals,
    features: description.features.map(unnamed),
  }
  for (const added of ['targets', 'residualWeight', 'layers', 'members', 'frequency', 'lastTimestamp'])
    delete old[added]
  return old
}

describe('version 1 descriptions', () => {
  it('an ONNX export with a version 1 description forecasts like the current one', async () => {
    const model = decoded()
    const entry = model.metadata_props.find((prop) => prop.key === PREPROCESSING_KEY)
    if (entry) entry.value = JSON.stringify(asVersion1(JSON.parse(entry.value)))
    const folder = await onnxFolder('version-1', model)
    // Version 1 does not name the target column: --target does.
    const unnamed = await forecastFrom(folder, csv, join(root, 'v1.csv'))
    expect(unnamed.status).toBe(2)
    expect(unnamed.stderr).toMatch(/No column "value"/)
    const named = await forecastFrom(folder, csv, join(root, 'v1.csv'), ['--target', 'sales'])
    expect(named.status, named.stderr).toBe(0)
    expect(named.rows).toEqual(nativeCsv)
  })

  it('refuses a description from a newer version by name', async () => {
    const model = decoded()
    const entry = model.metadata_props.find((prop) => prop.key === PREPROCESSING_KEY)
    if (entry) entry.value = JSON.stringify({ ...JSON.parse(entry.value), version: 99 })
    await expectRefusal(
      await onnxFolder('version-99', model),
      /version 99; this version of LSTM Studio reads 1 to 3/,
    )
  })
})
