import { paramCount } from '../engine/index'
import type { TrainedModel } from '../pipeline/index'
import type { ExportNetwork } from './network'
import { buildOnnxEnsemble } from './onnx/build-onnx'
import { describePreprocessing, PREPROCESSING_KEY } from './preprocessing'
import { buildTfjsEnsemble, type TfjsArtifacts } from './tfjs/build-tfjs'

export interface ExportOptions {
  /** App version, recorded as the producer of the file. */
  appVersion?: string
}

export function networkOf(model: TrainedModel): ExportNetwork {
  return { spec: model.state.spec, params: model.params, lookback: model.state.config.lookback }
}

/** Each ensemble member as a network of its own (one for a plain model). */
export function memberNetworks(model: TrainedModel): ExportNetwork[] {
  const size = paramCount(model.state.spec)
  const count = model.params.length / size
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`${model.params.length} weights are not a whole number of ${size}-weight networks`)
  return Array.from({ length: count }, (_, m) => ({
    ...networkOf(model),
    params: model.params.subarray(m * size, (m + 1) * size),
  }))
}

/** model.onnx bytes: the network (an ensemble averaged in the graph), with the scaling under metadata_props. */
export function exportOnnx(model: TrainedModel, options: ExportOptions = {}): Uint8Array {
  return buildOnnxEnsemble(memberNetworks(model), {
    producerVersion: options.appVersion ?? '',
    docString:
      'LSTM Studio forecaster: input and output are on the scaled scale; see metadata lstm_studio.preprocessing.',
    metadata: { [PREPROCESSING_KEY]: JSON.stringify(describePreprocessing(model)) },
  })
}

/** TF.js model.json + shard (an ensemble averaged in the graph), the scaling in userDefinedMetadata. */
export function exportTfjs(model: TrainedModel, options: ExportOptions = {}): TfjsArtifacts {
  return buildTfjsEnsemble(memberNetworks(model), {
    generatedBy: `LSTM Studio ${options.appVersion ?? ''}`.trim(),
    metadata: { [PREPROCESSING_KEY]: describePreprocessing(model) },
  })
}
