/** Native model format (pure): model.json + weights.bin + metrics.json + training.json. */
export { ModelFormatError, type ModelFormatCode } from './errors'
export {
  FILES,
  FORMAT_NAME,
  FORMAT_VERSION,
  MAX_WEIGHTS,
  fnv1a32,
  fnv1a32Update,
  fnvHex,
  FNV_OFFSET,
  type CalibrationJSON,
  type ModelManifest,
} from './manifest'
export { calibrationToJSON, encodeWeights, serializeModel, type SerializedModel } from './serialize'
export {
  calibrationFromJSON,
  checkWeightsSize,
  parseManifest,
  parseWeights,
  toTrainedModel,
  type ParseOptions,
} from './parse'
