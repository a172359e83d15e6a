import type { ConformalCalibration } from '../statistics/index'
import { inputFeatureNames, type TrainedModel } from '../pipeline/index'
import { layoutSize, paramLayout } from '../engine/index'
import {
  FILES,
  FORMAT_NAME,
  FORMAT_VERSION,
  fnv1a32,
  type CalibrationJSON,
  type ModelManifest,
} from './manifest'

export interface SerializedModel {
  manifest: ModelManifest
  /** Little-endian float32 in layout order. */
  weights: Uint8Array
}

export function calibrationToJSON(calibration: ConformalCalibration): CalibrationJSON {
  const halfWidths: CalibrationJSON['halfWidths'] = {}
  for (const level of calibration.levels)
    halfWidths[String(level)] = Array.from(calibration.halfWidths[level], (w) =>
      Number.isFinite(w) ? w : null,
    )
  return {
    horizon: calibration.horizon,
    counts: [...calibration.counts],
    levels: [...calibration.levels],
    halfWidths,
  }
}

export function encodeWeights(params: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(params.length * 4)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < params.length; i++) view.setFloat32(i * 4, params[i], true)
  return bytes
}

export function serializeModel(model: TrainedModel): SerializedModel {
  const { state } = model
  const layout = paramLayout(state.spec)
  const members = model.params.length / layoutSize(layout)
  if (!Number.isInteger(members) || members < 1)
    throw new RangeError(
      `the model has ${model.params.length} weights, not a multiple of ${layoutSize(layout)}`,
    )
  const weights = encodeWeights(model.params)
  return {
    weights,
    manifest: {
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      engine: { spec: structuredClone(state.spec), layout, members },
      weights: {
        file: FILES.weights,
        dtype: 'float32-le',
        count: model.params.length,
        bytes: weights.length,
        fnv1a32: fnv1a32(weights),
      },
      pipeline: structuredClone(state),
      lookback: state.config.lookback,
      horizon: state.config.horizon,
      strategy: state.config.strategy,
      targetMode: state.config.targetMode,
      features: inputFeatureNames(state),
      frequency: model.frequency,
      lastTimestamp: model.lastTimestamp,
      calibrations: model.calibrations.map(calibrationToJSON),
    },
  }
}
