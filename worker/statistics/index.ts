/** Public surface of the forecasting maths that does not need the neural network. */

export type { Forecast, PredictionInterval } from './types'
export { DEFAULT_LEVELS } from './types'

export { calendarFeatureNames, writeCalendarFeatures } from './calendar-features'
export type { CalendarFeature } from './calendar-features'

export { Scaler } from './scaler'
export type { ScalerConfig, ScalerJSON, ScalingKind, LogKind } from './scaler'
export { difference, undifference, integrate } from './differencing'
export { TargetTransform } from './target-transform'
export type { TargetTransformConfig, TargetTransformJSON, DifferencingKind } from './target-transform'

export { chronologicalSplit, protocolHorizon, protocolSplit } from './split'
export type { ChronologicalSplit, Range, SplitSize } from './split'

export {
  mae,
  rmse,
  mape,
  smape,
  mase,
  maseScale,
  coverage,
  scaledIntervalScore,
  evaluateForecast,
} from './metrics'
export type { ForecastMetrics, EvaluationInput, IntervalBand } from './metrics'

export { naiveForecast, seasonalNaiveForecast, driftForecast } from './baselines/lag-walk'
export { meanForecast } from './baselines/mean-forecast'
export { autoEts, forecastEts, etsForecast, ETS_MIN_POINTS, MAX_ETS_SEASONAL_PERIOD } from './ets/auto-ets'
export type { AutoEtsResult, AutoEtsOptions } from './ets/auto-ets'
export { fitEtsModel } from './ets/fit-model'
export type { EtsFit } from './ets/fit-model'
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
} from './seasonal-residual'

export { nelderMead } from './optim/nelder-mead'
export { normalQuantile, zForLevel } from './stats/normal'
export { studentTQuantile } from './stats/student-t'

export { autocorrelation } from './seasonality/autocorrelation'
export { isSeasonal, seasonalityLimit } from './seasonality/seasonality-test'
export {
  centredMovingAverage,
  multiplicativeSeasonalIndices,
} from './seasonality/multiplicative-decomposition'
export { deseasonalise, indicesAhead, reseasonalise } from './seasonality/deseasonalise'
export type { SeasonalAdjustment } from './seasonality/deseasonalise'
export { naive2Forecast } from './baselines/naive2'
export { thetaForecast, thetaFit, leastSquaresSlope } from './baselines/theta'
export type { ThetaFit } from './baselines/theta'
export { seriesAccuracy, panelAccuracy, overallWeightedAverage } from './panel-metrics'
export type { SeriesAccuracy, PanelAccuracy } from './panel-metrics'
