/** Public surface of the forecasting maths that does not need the neural network. */

export type { Forecast, PredictionInterval } from './types'
export { DEFAULT_LEVELS } from './types'

export { calendarFeatureNames, writeCalendarFeatures } from './calendarFeatures'
export type { CalendarFeature } from './calendarFeatures'

export { Scaler } from './scaler'
export type { ScalerConfig, ScalerJSON, ScalingKind, LogKind } from './scaler'
export { difference, undifference, integrate } from './differencing'
export { TargetTransform } from './targetTransform'
export type { TargetTransformConfig, TargetTransformJSON, DifferencingKind } from './targetTransform'

export { chronologicalSplit, protocolHorizon, protocolSplit } from './split'
export type { ChronologicalSplit, Range, SplitSize } from './split'

export { mae, rmse, mape, smape, mase, maseScale, coverage, evaluateForecast } from './metrics'
export type { ForecastMetrics, EvaluationInput, IntervalBand } from './metrics'

export { naiveForecast, seasonalNaiveForecast, driftForecast } from './baselines/lagWalk'
export { meanForecast } from './baselines/meanForecast'
export { autoEts, forecastEts, etsForecast, MAX_ETS_SEASONAL_PERIOD } from './ets/autoEts'
export type { AutoEtsResult, AutoEtsOptions } from './ets/autoEts'
export { fitEtsModel } from './ets/fitModel'
export type { EtsFit } from './ets/fitModel'
export type { EtsSpec, ErrorType, TrendType, SeasonType } from './ets/spec'
export { etsName } from './ets/spec'

export { calibrateConformal, conformalIntervals, conformalQuantile, conformalTestCoverage } from './conformal'
export type { ConformalCalibration } from './conformal'

export { rollingOriginBacktest, backtestOrigins } from './backtest'
export type { Forecaster, ForecasterOutput, BacktestOptions, BacktestResult, OriginResult } from './backtest'

export {
  seasonalNaiveBase,
  toSeasonalResidualTargets,
  fromSeasonalResidualForecast,
  toSeasonalResidualWindows,
  fromSeasonalResidualWindows,
} from './seasonalResidual'

export { nelderMead } from './optim/nelderMead'
export { normalQuantile, zForLevel } from './stats/normal'
export { studentTQuantile } from './stats/studentT'
