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
export { prepare, periodOf, type Prepared } from './prepare'
export type { TrainEpoch, Trainer, TrainOutcome, TrainRequest } from '../training/trainer'
export { inProcessTrainer } from '../training/in-process-trainer'
export { finalFit, type FinalFit } from './final-fit'
export { forecastRun, type ForecastRunResult, type RunPlan } from './forecast-run'
export type { FittedValues } from './fitted'
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
export { runAuto, type AutoCandidate, type AutoOptions, type AutoResult } from './auto'
export { autoConfig, whyNoNetwork } from './auto-config'
export { statisticalTest } from './statistical-run'
export { scoreBaselines, type BaselineName, type BaselineScore } from './baselines'
export { calibratePerStep } from './calibration'
export { checkCombination, type CombinationWeights, type TargetCompanions } from './combination'
export type { RangeEvaluation } from './evaluate'
export type { TargetJudgement } from './judge'
export type { TargetForecast } from './forecast-ahead'
export type { PipelineBacktest } from './backtest'
