import type { Backend } from '../engine/index'
import type { PredictionInterval } from '../statistics/index'
import { intervalContext, targetIntervals } from './target-intervals'
import { futureTimestamps } from '../timeseries/calendar'
import { backendForParams, type BackendKind } from '../engine/backend-choice'
import { toZColumns } from './columns'
import { predictOriginalAll } from './predict'
import { firstOrigin } from './inputs'
import { calibrationOf, seriesLength, targetNames, targetValues } from './targets'
import type { NamedSeries, SeriesInput, TrainedModel } from './types'

export interface FutureForecast {
  /** Epoch-ms timestamps of the forecast steps, or null when the series has none. */
  timestamps: Float64Array | null
  /** Every target's forecast, in the model's target order. */
  targets: TargetForecast[]
}

export interface TargetForecast {
  name: string
  mean: Float64Array
  intervals: PredictionInterval[]
}

export interface AheadOptions {
  /** Steps to forecast (at most the trained horizon for direct models). Default: the horizon. */
  horizon?: number
  /** Values of each future covariate for the forecast steps, in the model's covariate order. */
  futureCovariates?: ArrayLike<number>[]
  backend?: BackendKind
  /**
   * A backend that already holds the network (a TensorFlow.js export run by tfjs): used instead
   * of an engine backend, with the model's params passed through untouched.
   */
  network?: Backend
}

function extendFutureCovariates(model: TrainedModel, series: SeriesInput, supplied: ArrayLike<number>[]) {
  const names = model.state.futureNames
  if (names.length === 0) return series.futureCovariates
  if (supplied.length !== names.length)
    throw new RangeError(
      `forecasting needs future values of ${names.length} covariates (${names.join(', ')})`,
    )
  const current = series.futureCovariates ?? []
  return current.map((covariate, i): NamedSeries => ({
    name: covariate.name,
    values: [...Array.from(covariate.values), ...Array.from(supplied[i])],
  }))
}

/**
 * Forecast after the last observation of `series` (which may have grown since training) with
 * the trained weights and the trained scaling: nothing is refitted.
 */
export async function forecastAhead(
  model: TrainedModel,
  series: SeriesInput,
  options: AheadOptions = {},
): Promise<FutureForecast> {
  const steps = options.horizon ?? model.state.config.horizon
  const { config } = model.state
  if (config.strategy === 'direct' && steps > config.horizon)
    throw new RangeError(`this model forecasts at most ${config.horizon} steps ahead, asked for ${steps}`)
  for (const calibration of model.calibrations)
    if (steps > calibration.horizon)
      throw new RangeError(`intervals are calibrated for ${calibration.horizon} steps, asked for ${steps}`)
  // The frequency dates the steps after the data, for the result and for calendar features.
  const grown = {
    ...series,
    frequency: series.frequency ?? model.frequency,
    futureCovariates: extendFutureCovariates(model, series, options.futureCovariates ?? []),
  }
  const zc = toZColumns(model.state, grown)
  const n = seriesLength(series)
  if (n - zc.lag < firstOrigin(config.lookback, config.targetMode, model.state.period))
    throw new RangeError(
      `need more observations to forecast: lookback ${config.lookback}, period ${model.state.period}`,
    )
  const backend = options.network ?? (await backendForParams(model.state.spec, model.params, options.backend))
  const predictor = { backend, params: model.params, state: model.state }
  const histories = targetValues(series)
  const means = predictOriginalAll(predictor, zc, histories, [n - zc.lag], steps)[0]
  const names = targetNames(model.state)
  const targets = means.map((mean, t) => ({
    name: names[t],
    mean,
    intervals: targetIntervals(calibrationOf(model, t), mean, intervalContext(model.state, t, histories[t])),
  }))
  const frequency = grown.frequency
  const last =
    series.timestamps && series.timestamps.length > 0 ? series.timestamps[series.timestamps.length - 1] : null
  return {
    timestamps: last !== null && frequency ? futureTimestamps(last, frequency, steps) : null,
    targets,
  }
}
