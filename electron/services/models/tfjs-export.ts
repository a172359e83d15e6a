import { paramCount, type Backend, type LayerSpec, type ModelSpec } from '../../../worker/engine/index'
import { PREPROCESSING_KEY } from '../../../worker/export/index'
import {
  readPreprocessing,
  rebuildTrainedModel,
  type ReadPreprocessing,
} from '../../../worker/export/read/index'
import { MAX_WEIGHTS, ModelFormatError } from '../../../worker/model-format/index'
import type { TrainedModel } from '../../../worker/pipeline/index'
import type * as Tfjs from '@tensorflow/tfjs'
import { readCapped, readJsonCapped } from './folder-files'
import { MAX_MODEL_JSON_BYTES } from './model-kind'
import { checkAveragedMembers } from './tfjs-members'

/**
 * A TensorFlow.js export run by tfjs itself (loaded lazily: only this path needs it), behind the
 * engine's Backend interface, so the pipeline forecasts it with the same code as a native model.
 * The weights stay inside tfjs, whatever graph layout the exporter chose.
 */

type Tf = typeof Tfjs
type LayersModel = Awaited<ReturnType<Tf['loadLayersModel']>>

export interface TfjsForecastModel {
  model: TrainedModel
  preprocessing: ReadPreprocessing
  /** Runs the tfjs model; `params` is ignored (the weights are in the tfjs model). */
  network: Backend
}

interface WeightsGroup {
  paths: string[]
  weights: unknown[]
}

function foreign(message: string): never {
  throw new ModelFormatError('MODEL_FOREIGN', message)
}

/** Shard names must stay inside the folder: a plain file name, nothing else. */
function shardName(path: unknown): string {
  if (typeof path !== 'string' || !/^[\w.-]+$/.test(path) || path.startsWith('.'))
    foreign(`model.json points at weights "${String(path)}" outside the export folder.`)
  return path
}

function weightsGroups(manifest: unknown): WeightsGroup[] {
  const groups = Array.isArray(manifest) ? manifest : []
  if (groups.length === 0 || groups.some((g) => !Array.isArray(g?.paths) || !Array.isArray(g?.weights)))
    foreign('model.json has no usable weightsManifest (groups of paths and weights).')
  return groups as WeightsGroup[]
}

async function readShards(directory: string, groups: WeightsGroup[]): Promise<ArrayBuffer> {
  const parts: Uint8Array[] = []
  for (const group of groups)
    for (const path of group.paths) parts.push(await readCapped(directory, shardName(path), 4 * MAX_WEIGHTS))
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    joined.set(part, offset)
    offset += part.length
  }
  return joined.buffer
}

/** Version 1 descriptions have no layer list: the Sequential topology's recurrent layers tell it. */
function layersOf(p: ReadPreprocessing, topology: unknown): LayerSpec[] {
  if (p.layers) return p.layers
  const cells: Record<string, LayerSpec['cell']> = { LSTM: 'lstm', SimpleRNN: 'rnn', GRU: 'gru' }
  const layers = ((topology as { config?: { layers?: unknown[] } }).config?.layers ?? []) as {
    class_name?: string
    config?: { units?: number }
  }[]
  const found = layers
    .filter((layer) => layer.class_name !== undefined && layer.class_name in cells)
    .map((layer) => ({ cell: cells[layer.class_name ?? ''], units: Number(layer.config?.units), dropout: 0 }))
  if (found.length === 0) foreign('model.json has no recurrent layer LSTM Studio could have written.')
  return found
}

async function loadInTfjs(
  tf: Tf,
  json: Record<string, unknown>,
  groups: WeightsGroup[],
  weightData: ArrayBuffer,
): Promise<LayersModel> {
  try {
    return await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology as object,
        weightSpecs: groups.flatMap((group) => group.weights) as never,
        weightData,
      }),
    )
  } catch (error) {
    throw new ModelFormatError(
      'MODEL_DAMAGED',
      `TensorFlow.js could not load this export: ${(error as Error).message}`,
    )
  }
}

function checkShapes(layersModel: LayersModel, spec: ModelSpec, lookback: number): void {
  const input = JSON.stringify(layersModel.inputs.map((t) => t.shape))
  const output = JSON.stringify(layersModel.outputs.map((t) => t.shape))
  if (
    input !== JSON.stringify([[null, lookback, spec.inputSize]]) ||
    output !== JSON.stringify([[null, spec.outputSize]])
  )
    throw new ModelFormatError(
      'MODEL_DAMAGED',
      `The export is inconsistent: the TF.js model maps ${input} to ${output}, its description ` +
        `[batch, ${lookback}, ${spec.inputSize}] to [batch, ${spec.outputSize}].`,
    )
}

function tfjsBackend(tf: Tf, layersModel: LayersModel, spec: ModelSpec): Backend {
  return {
    name: 'tfjs',
    forward(_params, x, batch, steps, out) {
      const values = tf.tidy(() => {
        const input = tf.tensor3d(Float32Array.from(x), [batch, steps, spec.inputSize])
        return (layersModel.predict(input) as Tfjs.Tensor).dataSync()
      })
      out.set(values)
    },
    lossAndGradients() {
      throw new Error('a TensorFlow.js export is forecast only; it cannot be trained')
    },
  }
}

export async function loadTfjsExport(directory: string): Promise<TfjsForecastModel> {
  const json = (await readJsonCapped(directory, 'model.json', MAX_MODEL_JSON_BYTES)) as Record<
    string,
    unknown
  >
  const metadata = (json.userDefinedMetadata as Record<string, unknown> | undefined)?.[PREPROCESSING_KEY]
  if (metadata === undefined)
    foreign(
      `model.json is a TensorFlow.js model but not an LSTM Studio export: its userDefinedMetadata has no ${PREPROCESSING_KEY}.`,
    )
  const preprocessing = readPreprocessing(metadata)
  const spec = {
    inputSize: preprocessing.features.length,
    layers: layersOf(preprocessing, json.modelTopology),
    // The head writes `outputs` values for each target.
    outputSize: preprocessing.outputs * preprocessing.targets.length,
  }
  const groups = weightsGroups(json.weightsManifest)
  const weightData = await readShards(directory, groups)
  const tf = await import('@tensorflow/tfjs')
  // Production mode: no "install tfjs-node" banner on stderr (the CLI's stderr is for people).
  tf.enableProdMode()
  await tf.setBackend('cpu')
  const layersModel = await loadInTfjs(tf, json, groups, weightData)
  checkShapes(layersModel, spec, preprocessing.lookback)
  checkAveragedMembers(preprocessing, json.modelTopology)
  // The tfjs graph is the whole ensemble, already averaged: the pipeline gets one network's worth
  // of placeholder weights, so it runs the graph once per window and does not average again.
  const placeholder = new Float32Array(paramCount(spec))
  const model = rebuildTrainedModel({ ...preprocessing, members: 1 }, spec, placeholder)
  return { model, preprocessing, network: tfjsBackend(tf, layersModel, spec) }
}
