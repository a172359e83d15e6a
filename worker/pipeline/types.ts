import type { LayerSpec, LossKind, ModelSpec, OptimizerConfig, ScheduleConfig } from '../engine/index'
import type {
  ConformalCalibration,
  DifferencingKind,
  LogKind,
  ScalingKind,
  SplitSize,
} from '../statistics/index'
import type { CalendarFeature, TargetTransformJSON, ScalerJSON } from '../statistics/index'
import type { Frequency } from '../timeseries/frequency'
import type { CombinationWeights, TargetCompanions } from './combination'
import type { FixedEts } from '../statistics/ets/fixed-ets'

/** One or more targets with optional covariates, as they come out of the CSV import. */
export interface SeriesInput {
  /** The columns one network forecasts (at least one), each with its own transform and intervals. */
  targets: NamedSeries[]
  /** Covariates only known up to the present (read at input steps only). */
  pastCovariates?: NamedSeries[]
  /** Covariates known ahead of time (their values for the forecast steps are inputs too). */
  futureCovariates?: NamedSeries[]
  /** Epoch-ms UTC, or null for a plain index. */
  timestamps?: ArrayLike<number> | null
  frequency?: Frequency | null
  /** Seasonal period m; defaults to the frequency's primary period (1 without a frequency). */
  period?: number
}

/** A column of the series by name: a target or a covariate. */
export interface NamedSeries {
  name: string
  values: ArrayLike<number>
}

export type Strategy = 'direct' | 'recursive'
import type { TargetMode } from './target-mode'
export type { TargetMode } from './target-mode'

export interface TransformConfig {
  scaling: ScalingKind
  log: LogKind
  difference: DifferencingKind
}

export interface PipelineConfig {
  layers: LayerSpec[]
  lookback: number
  horizon: number
  /** Distance between consecutive training window origins. */
  stride: number
  strategy: Strategy
  transforms: TransformConfig
  targetMode: TargetMode
  /** Share of the network's correction added to seasonal naive in residual mode (1 = all of it). */
  residualWeight: number
  split: { validation: SplitSize; test: SplitSize }
  optimizer: OptimizerConfig
  schedule: ScheduleConfig
  batchSize: number
  epochs: number
  /** Epochs without validation improvement before stopping; 0 = run every epoch. */
  patience: number
  /** Global gradient-norm clipping; 0 = none. */
  clipNorm: number
  loss: LossKind
  seed: number
  /** Networks trained from different seeds whose outputs are averaged (variance reduction). */
  ensemble: number
  backtest: { origins: number; refit: boolean }
  /**
   * Calendar features made from the timestamps (sin/cos pairs) and fed as known-future inputs.
   * Optional so that configurations saved before they existed still read as "none".
   */
  calendar?: CalendarFeature[]
  /** The forecast combined with classical companions (absent: the network alone). */
  combination?: CombinationWeights
}

/** Everything needed to turn raw values into network inputs and outputs back into values. */
export interface PipelineState {
  config: PipelineConfig
  period: number
  spec: ModelSpec
  /** Every target in the order the network reads and writes them, with the transform fitted on it. */
  targets: TargetState[]
  pastScalers: ScalerJSON[]
  futureScalers: ScalerJSON[]
  pastNames: string[]
  futureNames: string[]
}

/** A target column as the model knows it: its name and its transform to the network's scale. */
export interface TargetState {
  name: string
  transform: TargetTransformJSON
  /** The classical models its forecast is combined with, fitted on the training part (with a combination). */
  companions?: TargetCompanions
  /** Forecasts and interval lower bounds never go below this: 0 for a target never negative in training. */
  lowerBound?: number
  /** ETS-residual mode: the ETS model the network corrects, fitted on the training part on the network's scale. */
  etsBase?: FixedEts
}

export interface TrainedModel {
  state: PipelineState
  /** The weights of every ensemble member, one after the other (each in engine layout order). */
  params: Float32Array | Float64Array
  /** Per-step conformal half-widths of each target from its validation residuals (original units), in state.targets order. */
  calibrations: ConformalCalibration[]
  frequency: Frequency | null
  /** Timestamp of the last observation seen in training (null without timestamps). */
  lastTimestamp: number | null
}
