import { layoutSize, paramLayout, validateSpec } from '../engine/index'
import { Scaler, TargetTransform, type ConformalCalibration } from '../statistics/index'
import {
  DEFAULT_TARGET_COLUMN,
  networkSpec,
  targetNames,
  validateConfig,
  type PipelineState,
  type TrainedModel,
} from '../pipeline/index'
import { checkFixedEts } from '../statistics/ets/fixed-ets'
import { checkFixedTheta } from '../statistics/baselines/fixed-theta'
import { damaged, ModelFormatError } from './errors'
import { upgradeFormat1 } from './format-1'
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

export interface ParseOptions {
  /** Format 1 did not name its first target: the name training.json recorded for it. */
  firstTargetName?: string
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

function checkTargets(state: PipelineState): void {
  if (!Array.isArray(state.targets) || state.targets.length === 0) throw damaged('the model names no target')
  state.targets.forEach((target, t) => {
    if (!isObject(target) || typeof target.name !== 'string' || target.name === '')
      throw damaged(`target ${t + 1} has no name`)
    attempt(`transform of target "${target.name}"`, () => TargetTransform.fromJSON(target.transform))
    const { ets = null, theta = null } = target.companions ?? {}
    if (ets !== null) attempt(`ETS companion of target "${target.name}"`, () => checkFixedEts(ets))
    if (theta !== null) attempt(`Theta companion of target "${target.name}"`, () => checkFixedTheta(theta))
    if (target.etsBase !== undefined)
      attempt(`ETS base of target "${target.name}"`, () => checkFixedEts(target.etsBase))
    if (target.lowerBound !== undefined && !Number.isFinite(target.lowerBound))
      throw damaged(`the interval floor of target "${target.name}" is not a number`)
  })
  const names = targetNames(state)
  if (new Set(names).size !== names.length) throw damaged('a target is listed twice')
}

function checkPipeline(manifest: ModelManifest): void {
  const state = manifest.pipeline
  if (!isObject(state) || !isObject(state.config)) throw damaged('missing pipeline section')
  attempt('configuration', () => validateConfig(state.config))
  checkTargets(state)
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
  const expected = networkSpec({
    ...state.config,
    targets: targetNames(state),
    pastCovariates: state.pastNames,
    futureCovariates: state.futureNames,
  })
  if (state.spec.outputSize !== expected.outputSize || state.spec.inputSize !== expected.inputSize)
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

function checkCalibrations(manifest: ModelManifest): void {
  const targets = manifest.pipeline.targets.length
  const { calibrations } = manifest
  if (!Array.isArray(calibrations) || calibrations.length !== targets)
    throw damaged(`${targets} target(s) need as many interval calibrations`)
  calibrations.forEach((calibration) => checkCalibration(calibration, manifest.horizon))
}

/**
 * Validates model.json completely (format 1 is upgraded first); returns the manifest in the
 * current format and the number of weights to expect.
 */
export function parseManifest(
  text: string,
  options: ParseOptions = {},
): { manifest: ModelManifest; count: number } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ModelFormatError('MODEL_FOREIGN', 'model.json is not JSON: this is not an LSTM Studio model.')
  }
  checkFormat(json)
  const manifest =
    json.version === 1
      ? attempt('structure', () => upgradeFormat1(json, options.firstTargetName ?? DEFAULT_TARGET_COLUMN))
      : (json as unknown as ModelManifest)
  const count = attempt('structure', () => checkEngine(manifest))
  attempt('structure', () => checkPipeline(manifest))
  attempt('structure', () => checkCalibrations(manifest))
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
    calibrations: manifest.calibrations.map(calibrationFromJSON),
    frequency: manifest.frequency ?? null,
    lastTimestamp: manifest.lastTimestamp ?? null,
  }
}
