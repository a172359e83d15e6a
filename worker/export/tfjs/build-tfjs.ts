import { checkNetwork, type ExportNetwork } from '../network'
import { headConfig, recurrentLayerConfig } from './layer-configs'
import { kerasWeights } from './layer-weights'

export const TFJS_WEIGHTS_FILE = 'group1-shard1of1.bin'

export interface TfjsWeightSpec {
  name: string
  shape: number[]
  dtype: 'float32'
}

/** model.json of the TensorFlow.js "layers-model" format. */
export interface TfjsModelJson {
  format: 'layers-model'
  generatedBy: string
  convertedBy: null
  modelTopology: {
    class_name: 'Sequential'
    config: { name: string; layers: unknown[] }
    keras_version: string
    backend: string
  }
  weightsManifest: { paths: string[]; weights: TfjsWeightSpec[] }[]
  userDefinedMetadata?: Record<string, unknown>
}

export interface TfjsArtifacts {
  modelJson: TfjsModelJson
  /** group1-shard1of1.bin: every weight as little-endian float32, in manifest order. */
  weightData: Uint8Array
}

export interface TfjsOptions {
  generatedBy?: string
  /** Stored as model.json's userDefinedMetadata (the exporter puts the scaling here). */
  metadata?: Record<string, unknown>
}

function encodeFloat32(arrays: Float64Array[]): Uint8Array {
  const total = arrays.reduce((sum, values) => sum + values.length, 0)
  const bytes = new Uint8Array(total * 4)
  const view = new DataView(bytes.buffer)
  let offset = 0
  for (const values of arrays) for (const value of values) view.setFloat32(4 * offset++, value, true)
  return bytes
}

/** A Keras Sequential model: the recurrent layers, then a Dense head on the top layer's last state. */
export function buildTfjsNetwork(network: ExportNetwork, options: TfjsOptions = {}): TfjsArtifacts {
  checkNetwork(network)
  const { spec, lookback } = network
  const layers = [...spec.layers.map((_, k) => recurrentLayerConfig(spec, k, lookback)), headConfig(spec)]
  const weights = kerasWeights(network)
  const modelJson: TfjsModelJson = {
    format: 'layers-model',
    generatedBy: options.generatedBy ?? 'LSTM Studio',
    convertedBy: null,
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'lstm_studio_forecaster', layers },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightsManifest: [
      {
        paths: [TFJS_WEIGHTS_FILE],
        weights: weights.map(({ name, shape }) => ({ name, shape, dtype: 'float32' })),
      },
    ],
  }
  if (options.metadata) modelJson.userDefinedMetadata = options.metadata
  return { modelJson, weightData: encodeFloat32(weights.map((weight) => weight.values)) }
}
