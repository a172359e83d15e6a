import { checkEnsemble, checkNetwork, type ExportNetwork } from '../network'
import { buildEnsembleGraph } from './ensemble-graph'
import type { FunctionalTopology } from './functional-graph'
import { hasNativeLayer, headConfig, recurrentLayerConfig, type KerasLayer } from './layer-configs'
import { kerasWeights, type NamedWeight } from './layer-weights'
import { buildUnrolledStack } from './unrolled-stack'

export const TFJS_WEIGHTS_FILE = 'group1-shard1of1.bin'

export interface TfjsWeightSpec {
  name: string
  shape: number[]
  dtype: 'float32'
}

interface SequentialTopology {
  class_name: 'Sequential'
  config: { name: string; layers: KerasLayer[] }
}

/** model.json of the TensorFlow.js "layers-model" format. */
export interface TfjsModelJson {
  format: 'layers-model'
  generatedBy: string
  convertedBy: null
  modelTopology: (SequentialTopology | FunctionalTopology) & { keras_version: string; backend: string }
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
  /** Several networks: output their forecasts side by side instead of their mean (`ensemble-graph.ts`). */
  sideBySide?: boolean
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
function sequentialModel(network: ExportNetwork): { topology: SequentialTopology; weights: NamedWeight[] } {
  const { spec, lookback } = network
  const layers = [...spec.layers.map((_, k) => recurrentLayerConfig(spec, k, lookback)), headConfig(spec)]
  return {
    topology: { class_name: 'Sequential', config: { name: 'lstm_studio_forecaster', layers } },
    weights: kerasWeights(network),
  }
}

/** model.json and shard around a topology and its weights (listed in manifest order). */
function artifacts(
  topology: SequentialTopology | FunctionalTopology,
  weights: NamedWeight[],
  options: TfjsOptions,
): TfjsArtifacts {
  const modelJson: TfjsModelJson = {
    format: 'layers-model',
    generatedBy: options.generatedBy ?? 'LSTM Studio',
    convertedBy: null,
    modelTopology: { ...topology, keras_version: 'tfjs-layers 4.22.0', backend: 'tensor_flow.js' },
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

/**
 * LSTM / SimpleRNN stacks become a Sequential model of native layers; a stack with a GRU becomes a
 * functional model with the GRUs unrolled, since tfjs-layers' own GRU computes a different function.
 */
export function buildTfjsNetwork(network: ExportNetwork, options: TfjsOptions = {}): TfjsArtifacts {
  checkNetwork(network)
  const native = network.spec.layers.every((layer) => hasNativeLayer(layer.cell))
  const { topology, weights } = native ? sequentialModel(network) : buildUnrolledStack(network)
  return artifacts(topology, weights, options)
}

/**
 * Averages the networks in one functional model (`ensemble-graph.ts`); a single network is
 * written exactly as buildTfjsNetwork writes it.
 */
export function buildTfjsEnsemble(networks: ExportNetwork[], options: TfjsOptions = {}): TfjsArtifacts {
  checkEnsemble(networks)
  if (networks.length === 1) return buildTfjsNetwork(networks[0], options)
  const { topology, weights } = buildEnsembleGraph(networks, options.sideBySide === true)
  return artifacts(topology, weights, options)
}
