import { paramCount, type LayerSpec } from '../engine/index'
import type { CalendarFeature, ScalerJSON, TargetTransformJSON } from '../statistics/index'
import { calibrationToJSON, type CalibrationJSON } from '../model-format/index'
import { calendarOf, calibrationOf, inputFeatureNames, targetCount } from '../pipeline/index'
import type { PipelineState, Strategy, TargetMode, TrainedModel } from '../pipeline/index'
import type { Frequency } from '../timeseries/frequency'

/** metadata_props key (ONNX) and userDefinedMetadata key (TF.js) of the description below. */
export const PREPROCESSING_KEY = 'lstm_studio.preprocessing'
/** 2 added targetName, residualWeight, layers, members, frequency and lastTimestamp; 1 is still read. */
export const PREPROCESSING_VERSION = 2

export interface NamedScaler {
  name: string
  scaler: ScalerJSON
}

/**
 * Everything a consumer needs to turn raw values into the network input and its output back
 * into values (the recipe is in docs/export-formats.md and every model card). The network itself
 * works on the scaled ("z") scale only: the target transform may log and difference, which needs
 * the raw history, so it cannot live inside a stateless graph.
 */
export interface ExportPreprocessing {
  version: typeof PREPROCESSING_VERSION
  /** CSV column the model forecasts (null when the training record did not name it). */
  targetName: string | null
  lookback: number
  horizon: number
  /**
   * Values per network call and target: the horizon (direct) or 1 (recursive, rolled out step by
   * step). The head gives outputs × (1 + extraTargets.length) values, target-major: value k of
   * target t (0 = the primary `target`, then `extraTargets` in order) is at t·outputs + k.
   */
  outputs: number
  strategy: Strategy
  targetMode: TargetMode
  /** Seasonal-residual mode: z = base + residualWeight × network output (1 = all of the correction). */
  residualWeight: number
  /** The recurrent stack under the linear head (what the graph holds, in words). */
  layers: LayerSpec[]
  /** Networks averaged by the export (an ensemble's members, run on the same window). */
  members: number
  /** Seasonal period m (seasonal-residual base and difference channel). */
  period: number
  /** Order of the last input axis. */
  features: string[]
  /** log step, differencing lag (0 = none), then scaling. */
  target: TargetTransformJSON
  /** Further targets forecast by the same network, each with its own transform and intervals. */
  extraTargets: ExtraTargetDescription[]
  pastCovariates: NamedScaler[]
  futureCovariates: NamedScaler[]
  /** Calendar features (features `calendar.<f>_sin/_cos`), computed from each input step's timestamp + outputs steps. */
  calendar: CalendarFeature[]
  /** Conformal half-widths per step in original units (null = unbounded): interval = mean ± width. */
  intervals: CalibrationJSON
  /** Spacing of the observations (null = plain index): the forecast's dates continue the history. */
  frequency: Frequency | null
  /** Epoch ms of the last observation seen in training (null without timestamps). */
  lastTimestamp: number | null
}

export interface ExtraTargetDescription {
  name: string
  transform: TargetTransformJSON
  intervals: CalibrationJSON
}

export interface DescribeOptions {
  /** The CSV column the model was trained on (from training.json); the model itself does not record it. */
  targetName?: string
}

/** Channel names in input order, as the native model.json lists them. */
export function featureNames(state: PipelineState): string[] {
  return inputFeatureNames(state)
}

function membersIn(model: TrainedModel): number {
  return model.params.length / paramCount(model.state.spec)
}

function named(names: string[], scalers: ScalerJSON[]): NamedScaler[] {
  return names.map((name, i) => ({ name, scaler: { ...scalers[i] } }))
}

export function describePreprocessing(
  model: TrainedModel,
  options: DescribeOptions = {},
): ExportPreprocessing {
  const { state } = model
  const { config } = state
  return {
    version: PREPROCESSING_VERSION,
    targetName: options.targetName ?? null,
    lookback: config.lookback,
    horizon: config.horizon,
    outputs: state.spec.outputSize / targetCount(state),
    strategy: config.strategy,
    targetMode: config.targetMode,
    residualWeight: config.residualWeight,
    layers: structuredClone(state.spec.layers),
    members: membersIn(model),
    period: state.period,
    features: featureNames(state),
    target: structuredClone(state.transform),
    extraTargets: (state.extraTargets ?? []).map((extra, i) => ({
      name: extra.name,
      transform: structuredClone(extra.transform),
      intervals: calibrationToJSON(calibrationOf(model, i + 1)),
    })),
    pastCovariates: named(state.pastNames, state.pastScalers),
    futureCovariates: named(state.futureNames, state.futureScalers),
    calendar: [...calendarOf(config)],
    intervals: calibrationToJSON(model.calibration),
    frequency: model.frequency ? { ...model.frequency } : null,
    lastTimestamp: model.lastTimestamp,
  }
}
