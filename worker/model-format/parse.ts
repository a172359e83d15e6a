import { layoutSize, paramLayout, validateSpec } from '../engine/index'
import { Scaler, TargetTransform, type ConformalCalibration } from '../statistics/index'
import { inputFeatureNames, validateConfig, type TrainedModel } from '../pipeline/index'
import { damaged, ModelFormatError } from './errors'
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MAX_WEIGHTS,
  fnv1a32,
  type CalibrationJSON,
  type ModelManifest,
} from './manifest'

/**
 * Reading a model folder, most suspicious first: is it ours, is it a version we read, is every
 * declared size consistent with the layout the spec implies. Only then may a caller read and
 * allocate the weights, which are checked again (size, checksum, finiteness).
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function attempt<T>(what: string, action: () => T): T {
  try {
    return action()
  } catch (error) {
    if (error instanceof ModelFormatError) throw error
    throw damaged(`${what}: ${(error as Error).message}`)
  }
}

function checkFormat(json: unknown): asserts json is Record<string, unknown> {
  if (!isObject(json) || json.format !== FORMAT_NAME)
    throw new ModelFormatError(
      'MODEL_FOREIGN',
      `This is not an LSTM Studio model (model.json has no "${FORMAT_NAME}" format tag).`,
    )
  const version = json.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw damaged(`invalid version ${String(version)}`)
  if (version > FORMAT_VERSION)
    throw new ModelFormatError(
      'MODEL_TOO_NEW',
      `This model was saved in format version ${version}; this app reads up to version ${FORMAT_VERSION}. Update LSTM Studio to open it.`,
    )
}

function checkEngine(manifest: ModelManifest): number {
  if (!isObject(manifest.engine)) throw damaged('missing engine section')
  attempt('engine spec', () => validateSpec(manifest.engine.spec))
  const layout = paramLayout(manifest.engine.spec)
  if (JSON.stringify(layout) !== JSON.stringify(manifest.engine.layout))
    throw damaged('the parameter layout does not match the network spec')
  const members = manifest.engine.members
  if (!Number.isInteger(members) || members < 1 || members > 64)
    throw damaged(`invalid ensemble size ${String(members)}`)
  if (manifest.pipeline?.config?.ensemble !== members)
    throw damaged('ensemble size disagrees with the configuration')
  const count = layoutSize(layout) * members
  const weights = manifest.weights
  if (!isObject(weights) || weights.dtype !== 'float32-le')
    throw damaged('weights must be little-endian float32')
  if (weights.count !== count)
    throw damaged(`weights.count is ${String(weights.count)}, the layout needs ${count}`)
  if (count > MAX_WEIGHTS) throw damaged(`${count} weights exceed the limit of ${MAX_WEIGHTS}`)
  if (weights.bytes !== count * 4)
    throw damaged(`weights.bytes is ${String(weights.bytes)}, expected ${count * 4}`)
  if (typeof weights.fnv1a32 !== 'string') throw damaged('weights checksum missing')
  return count
}

function checkPipeline(manifest: ModelManifest): void {
  const state = manifest.pipeline
  if (!isObject(state) || !isObject(state.config)) throw damaged('missing pipeline section')
  attempt('configuration', () => validateConfig(state.config))
  attempt('target transform', () => TargetTransform.fromJSON(state.transform))
  attempt('covariate scaling', () =>
    [...state.pastScalers, ...state.futureScalers].forEach((s) => Scaler.fromJSON(s)),
  )
  if (
    state.pastNames.length !== state.pastScalers.length ||
    state.futureNames.length !== state.futureScalers.length
  )
    throw damaged('covariate names and scalers disagree')
  if (JSON.stringify(state.spec) !== JSON.stringify(manifest.engine.spec))
    throw damaged('pipeline and engine specs differ')
  const extras = state.extraTargets ?? []
  if (!Array.isArray(extras)) throw damaged('extra targets must be a list')
  attempt('extra target transforms', () =>
    extras.forEach((extra) => TargetTransform.fromJSON(extra.transform)),
  )
  if (extras.some((extra) => typeof extra.name !== 'string')) throw damaged('an extra target has no name')
  const outputs = (state.config.strategy === 'direct' ? state.config.horizon : 1) * (1 + extras.length)
  if (state.spec.outputSize !== outputs || state.spec.inputSize !== inputFeatureNames(state).length)
    throw damaged('the network shape does not match the pipeline settings')
  if (!(Number.isInteger(state.period) && state.period >= 1))
    throw damaged(`invalid seasonal period ${state.period}`)
  if (manifest.lookback !== state.config.lookback || manifest.horizon !== state.config.horizon)
    throw damaged('lookback/horizon disagree with the configuration')
}

function checkCalibration(calibration: CalibrationJSON, horizon: number): void {
  if (!isObject(calibration) || calibration.horizon !== horizon) throw damaged('calibration horizon mismatch')
  for (const level of calibration.levels) {
    const widths = calibration.halfWidths[String(level)]
    if (!Array.isArray(widths) || widths.length !== horizon)
      throw damaged(`calibration of level ${level} is incomplete`)
    if (widths.some((w) => w !== null && !(typeof w === 'number' && w >= 0)))
      throw damaged(`calibration of level ${level} has invalid widths`)
  }
}

function checkExtraCalibrations(manifest: ModelManifest): void {
  const expected = manifest.pipeline.extraTargets?.length ?? 0
  const calibrations = manifest.extraCalibrations ?? []
  if (!Array.isArray(calibrations) || calibrations.length !== expected)
    throw damaged(`${expected} extra targets need as many calibrations`)
  calibrations.forEach((calibration) => checkCalibration(calibration, manifest.horizon))
}

/** Validates model.json completely; returns the manifest and the number of weights to expect. */
export function parseManifest(text: string): { manifest: ModelManifest; count: number } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ModelFormatError('MODEL_FOREIGN', 'model.json is not JSON: this is not an LSTM Studio model.')
  }
  checkFormat(json)
  const manifest = json as unknown as ModelManifest
  const count = attempt('structure', () => checkEngine(manifest))
  attempt('structure', () => checkPipeline(manifest))
  attempt('structure', () => checkCalibration(manifest.calibration, manifest.horizon))
  attempt('structure', () => checkExtraCalibrations(manifest))
  return { manifest, count }
}

/** Call with the weights file's size before reading it. */
export function checkWeightsSize(manifest: ModelManifest, byteLength: number): void {
  if (byteLength !== manifest.weights.bytes)
    throw damaged(`weights.bin has ${byteLength} bytes, model.json declares ${manifest.weights.bytes}`)
}

export function parseWeights(manifest: ModelManifest, bytes: Uint8Array): Float32Array {
  checkWeightsSize(manifest, bytes.length)
  if (fnv1a32(bytes) !== manifest.weights.fnv1a32) throw damaged('weights.bin does not match its checksum')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const params = new Float32Array(manifest.weights.count)
  for (let i = 0; i < params.length; i++) {
    params[i] = view.getFloat32(i * 4, true)
    if (!Number.isFinite(params[i])) throw damaged(`weight ${i} is not a finite number`)
  }
  return params
}

export function calibrationFromJSON(json: CalibrationJSON): ConformalCalibration {
  const halfWidths: Record<number, Float64Array> = {}
  for (const level of json.levels)
    halfWidths[level] = Float64Array.from(json.halfWidths[String(level)], (w) => (w === null ? Infinity : w))
  return { horizon: json.horizon, counts: [...json.counts], levels: [...json.levels], halfWidths }
}

export function toTrainedModel(manifest: ModelManifest, params: Float32Array): TrainedModel {
  return {
    state: structuredClone(manifest.pipeline),
    params,
    calibration: calibrationFromJSON(manifest.calibration),
    ...(manifest.extraCalibrations
      ? { extraCalibrations: manifest.extraCalibrations.map(calibrationFromJSON) }
      : {}),
    frequency: manifest.frequency ?? null,
    lastTimestamp: manifest.lastTimestamp ?? null,
  }
}
