import { autoEts, DEFAULT_LEVELS, etsName, forecastEts, protocolHorizon } from '../statistics/index'
import type { ConformalCalibration } from '../statistics/index'
import type { AutoRuleOptions } from './auto-config'
import { defaultConfig } from './config'
import { periodOf } from './prepare'
import { completeRun, trainOnSeries, type PipelineResult, type RunOptions } from './run'
import { seriesLength, valuesBefore } from './targets'
import type { PipelineConfig, SeriesInput, TrainedModel } from './types'

/**
 * The forecast of a series too short for any network: exponential smoothing (R's ets()), as an
 * analyst would get from R, clearly labelled. It goes through the same run as every model — held
 * out test part beside the baselines where the series affords one, final fit on every point,
 * saved and forecast like any model — as a combination whose network share is 0: its network is
 * a one-unit placeholder that the forecast never reads, so no export of it pretends otherwise.
 */

/** Points ETS needs before a test part for the holdout to mean anything. */
const MIN_POINTS_BEFORE_TEST = 8

function statisticalNote(reason: string, model: TrainedModel, fitted: number): string {
  const ets = model.state.targets[0]?.companions?.ets
  const name = ets ? etsName(ets.spec) : 'ETS'
  return `Statistical forecast, not a network: ${reason}. ${name} fitted on ${fitted} points forecasts instead.`
}

/** The test part of a statistical forecast: the horizon where enough is left before it, else none. */
export function statisticalTest(series: SeriesInput, horizon: number): number {
  return seriesLength(series) - horizon >= MIN_POINTS_BEFORE_TEST ? horizon : 0
}

function statisticalConfig(series: SeriesInput, options: AutoRuleOptions): PipelineConfig {
  const n = seriesLength(series)
  const horizon = options.horizon ?? protocolHorizon(periodOf(series))
  const test = options.test ?? statisticalTest(series, horizon)
  if (n - test < 2)
    throw new RangeError(
      `the series has ${n} points: too few to forecast after holding out ${test} for the test (hold out fewer)`,
    )
  return defaultConfig({
    layers: [{ cell: 'lstm', units: 1, dropout: 0 }],
    lookback: 1,
    horizon,
    strategy: 'recursive',
    epochs: 1,
    patience: 0,
    ensemble: 1,
    seed: options.seed ?? 7,
    split: { validation: { count: 0 }, test: { count: test } },
    backtest: { origins: 0, refit: false },
    combination: { network: 0, ets: 1, theta: 0 },
  })
}

/** ETS's own prediction intervals as half-widths per step (ETS, not a network, made the forecast). */
function etsCalibration(values: ArrayLike<number>, trainEnd: number, m: number, horizon: number) {
  const train = Float64Array.from(valuesBefore(values, trainEnd))
  const forecast = forecastEts(autoEts(train, m).best, horizon, DEFAULT_LEVELS)
  const halfWidths: ConformalCalibration['halfWidths'] = {}
  for (const interval of forecast.intervals)
    halfWidths[interval.level] = Float64Array.from(
      interval.upper,
      (upper, k) => (upper - interval.lower[k]) / 2,
    )
  const calibration: ConformalCalibration = {
    horizon,
    counts: Array.from({ length: horizon }, () => trainEnd),
    halfWidths,
    levels: [...DEFAULT_LEVELS],
  }
  return calibration
}

export async function statisticalRun(
  series: SeriesInput,
  reason: string,
  options: RunOptions & AutoRuleOptions,
): Promise<{ config: PipelineConfig; result: PipelineResult }> {
  const config = statisticalConfig(series, options)
  const run = await trainOnSeries(series, config, { ...options, role: { stage: 'train' } })
  const trainEnd = run.prepared.split.train.end
  const m = periodOf(series)
  const calibrations = series.targets.map((target) =>
    etsCalibration(target.values, trainEnd, m, config.horizon),
  )
  const result = await completeRun(
    series,
    { ...run, model: { ...run.model, calibrations }, validationScore: NaN },
    { ...options, role: { stage: 'final' } },
  )
  const notes = [statisticalNote(reason, result.model, result.finalFit.observations), ...result.notes].filter(
    (note) => !note.startsWith('No validation part'),
  )
  return { config, result: { ...result, notes } }
}
