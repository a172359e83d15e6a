import { paramCount, type LayerSpec } from '../engine/index'
import type { FixedEts } from '../statistics/ets/fixed-ets'
import type { CalendarFeature, ScalerJSON, TargetTransformJSON } from '../statistics/index'
import { calibrationToJSON, type CalibrationJSON } from '../model-format/index'
import { calendarOf, calibrationOf, inputFeatureNames, stepsPerCall } from '../pipeline/index'
import type { CombinationWeights, TargetCompanions } from '../pipeline/index'
import type { PipelineState, Strategy, TargetMode, TrainedModel } from '../pipeline/index'
import type { Frequency } from '../timeseries/frequency'

/** metadata_props key (ONNX) and userDefinedMetadata key (TF.js) of the description below. */
export const PREPROCESSING_KEY = 'lstm_studio.preprocessing'
/**
 * 3 lists every target alike in `targets`; 2 added targetName, residualWeight, layers, members,
 * frequency and lastTimestamp. 1 and 2 are still read (read/read-preprocessing.ts).
 */
export const PREPROCESSING_VERSION = 3

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
  lookback: number
  horizon: number
  /**
   * Values per network call and target: the horizon (direct) or 1 (recursive, rolled out step by
   * step). The head gives outputs × targets.length values, target-major: value k of target t
   * (in `targets` order) is at t·outputs + k.
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
  /** The CSV columns the network forecasts, each with its own transform and intervals. */
  targets: TargetDescription[]
  pastCovariates: NamedScaler[]
  futureCovariates: NamedScaler[]
  /** Calendar features (features `calendar.<f>_sin/_cos`), computed from each input step's timestamp + outputs steps. */
  calendar: CalendarFeature[]
  /** Spacing of the observations (null = plain index): the forecast's dates continue the history. */
  frequency: Frequency | null
  /** Epoch ms of the last observation seen in training (null without timestamps). */
  lastTimestamp: number | null
  /**
   * Absent: the forecast is the network's. Present: forecast = network × w.network + ETS × w.ets
   * + Theta × w.theta, where ETS and Theta run each target's `companions` (parameters fixed on
   * the training part) through the raw history from its first value (docs/export-formats.md).
   */
  combination?: CombinationWeights
}

export interface TargetDescription {
  /** The CSV column. */
  name: string
  /** log step, differencing lag (0 = none), then scaling. */
  transform: TargetTransformJSON
  /** Conformal half-widths per step in original units (null = unbounded): interval = mean ± width. */
  intervals: CalibrationJSON
  /** The classical models this target's forecast is combined with (with a `combination`). */
  companions?: TargetCompanions
  /** Forecasts and interval lower bounds are floored here (0: the target was never negative in training). */
  lowerBound?: number
  /** ETS-residual mode: the ETS model (on z, the network's scale) whose forecast the network corrects. */
  etsBase?: FixedEts
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

export function describePreprocessing(model: TrainedModel): ExportPreprocessing {
  const { state } = model
  const { config } = state
  return {
    version: PREPROCESSING_VERSION,
    lookback: config.lookback,
    horizon: config.horizon,
    outputs: stepsPerCall(config),
    strategy: config.strategy,
    targetMode: config.targetMode,
    residualWeight: config.residualWeight,
    layers: structuredClone(state.spec.layers),
    members: membersIn(model),
    period: state.period,
    features: featureNames(state),
    targets: state.targets.map((target, t) => ({
      name: target.name,
      transform: structuredClone(target.transform),
      intervals: calibrationToJSON(calibrationOf(model, t)),
      ...(target.companions ? { companions: structuredClone(target.companions) } : {}),
      ...(target.lowerBound === undefined ? {} : { lowerBound: target.lowerBound }),
      ...(target.etsBase ? { etsBase: structuredClone(target.etsBase) } : {}),
    })),
    pastCovariates: named(state.pastNames, state.pastScalers),
    futureCovariates: named(state.futureNames, state.futureScalers),
    calendar: [...calendarOf(config)],
    frequency: model.frequency ? { ...model.frequency } : null,
    lastTimestamp: model.lastTimestamp,
    ...(config.combination ? { combination: { ...config.combination } } : {}),
  }
}
