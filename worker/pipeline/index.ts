/** Public surface of the forecasting pipeline. */
export type {
  NamedSeries,
  PipelineConfig,
  PipelineState,
  SeriesInput,
  Strategy,
  TargetMode,
  TargetState,
  TrainedModel,
  TransformConfig,
} from './types'
export { defaultConfig, validateConfig } from './config'
export { CALENDAR_FEATURES, calendarOf } from './calendar'
export { channelNames, inputFeatureNames, type ChannelSources } from './feature-names'
export { networkSpec, stepsPerCall, type NetworkSources } from './network-shape'
export {
  calibrationOf,
  DEFAULT_TARGET_COLUMN,
  MAX_TARGETS,
  seriesLength,
  targetCount,
  targetNames,
  targetValues,
} from './targets'
export { chooseBackend, type BackendChoice } from './backend'
export { prepare, periodOf, type Prepared } from './prepare'
export { fitTrainer, type TrainEpoch, type Trainer, type TrainOutcome, type TrainRequest } from './trainer'
export {
  completeRun,
  runPipeline,
  trainOnSeries,
  type PipelineResult,
  type RunOptions,
  type TrainedRun,
  type TrainingSummary,
} from './run'
export { forecastAhead, type AheadOptions, type FutureForecast } from './forecast-ahead'
export { fineTune, type FineTuneOptions } from './new-data'
export { autoConfig, runAuto, type AutoCandidate, type AutoOptions, type AutoResult } from './auto'
export { scoreBaselines, type BaselineName, type BaselineScore } from './baselines'
export { calibratePerStep } from './calibration'
export type { RangeEvaluation } from './evaluate'
export type { TargetJudgement } from './judge'
export type { TargetForecast } from './forecast-ahead'
export type { PipelineBacktest } from './backtest'
