import type { TrainedModel } from '../pipeline/index'
import type { ExportNetwork } from './network'
import { buildOnnxNetwork } from './onnx/build-onnx'
import { describePreprocessing, PREPROCESSING_KEY } from './preprocessing'
import { buildTfjsNetwork, type TfjsArtifacts } from './tfjs/build-tfjs'

export interface ExportOptions {
  /** App version, recorded as the producer of the file. */
  appVersion?: string
}

export function networkOf(model: TrainedModel): ExportNetwork {
  return { spec: model.state.spec, params: model.params, lookback: model.state.config.lookback }
}

/** model.onnx bytes: the network, with the scaling as JSON under metadata_props[PREPROCESSING_KEY]. */
export function exportOnnx(model: TrainedModel, options: ExportOptions = {}): Uint8Array {
  return buildOnnxNetwork(networkOf(model), {
    producerVersion: options.appVersion ?? '',
    docString:
      'LSTM Studio forecaster: input and output are on the scaled scale; see metadata lstm_studio.preprocessing.',
    metadata: { [PREPROCESSING_KEY]: JSON.stringify(describePreprocessing(model)) },
  })
}

/** TF.js model.json + shard, with the scaling under userDefinedMetadata[PREPROCESSING_KEY]. */
export function exportTfjs(model: TrainedModel, options: ExportOptions = {}): TfjsArtifacts {
  return buildTfjsNetwork(networkOf(model), {
    generatedBy: `LSTM Studio ${options.appVersion ?? ''}`.trim(),
    metadata: { [PREPROCESSING_KEY]: describePreprocessing(model) },
  })
}
