import type { Trainer, TrainEpoch } from '../training/trainer'
import { cleanSeries, type CleanSeries } from './clean-series'
import { trainGlobalModel, type GlobalModel } from './global-model'
import { autoPanelConfig } from './panel-auto'
import { forecastPanel, type PanelNetwork } from './panel-forecast'
import { checkInputsAhead, panelFeatures, type SeriesFeatures } from './panel-features'
import { calibratePanelIntervals, panelIntervals } from './panel-intervals'
import {
  choosePanelCombination,
  combineSeries,
  NETWORK_ALONE,
  type PanelCombination,
  type ValidationBlock,
} from './panel-combination'
import {
  companionsInThisThread,
  etsVariantFor,
  type CompanionForecasts,
  type CompanionWorkers,
  type EtsVariant,
} from './companion-forecasts'
import type { ConformalCalibration } from '../statistics/conformal'
import type { PredictionInterval } from '../statistics/types'
import { deseasonalise } from '../statistics/seasonality/deseasonalise'
import type { PanelConfig, PanelInput } from './types'

/**
 * A panel run: clean every series, let Auto choose the configuration (or take the caller's), train
 * one global network with validation on each series' last `horizon` points, and forecast `horizon`
 * points from the end of every series with the best epoch's weights. The validation block is used
 * as input for that forecast but not refitted on (as NeuralForecast does with its val_size). The
 * network is combined with ETS and Theta at the weights the validation block prefers
 * (panel-combination.ts).
 */

export interface PanelRunOptions {
  horizon: number
  trainer?: Trainer
  seed?: number
  overrides?: Partial<PanelConfig>
  onEpoch?: (member: number, report: TrainEpoch) => void
  /** 'validation' (default): combine with ETS and Theta as validation prefers; 'network': the network alone. */
  blend?: 'validation' | 'network'
  /** Where ETS and Theta are fitted (default: this thread). */
  companions?: CompanionWorkers
}

export interface PanelRunResult {
  config: PanelConfig
  model: GlobalModel
  /** Per series, in the input's order, starting right after its last observed point (combined as validation chose). */
  forecasts: Float64Array[]
  /** 80 % and 95 % split-conformal intervals per series (see panel-intervals.ts). */
  intervals: PredictionInterval[][]
  calibration: ConformalCalibration
  /** The network's own forecasts, before the combination. */
  networkForecasts: Float64Array[]
  /** ETS's and Theta's forecasts ahead, each fitted on the whole series. */
  companions: CompanionForecasts
  combination: PanelCombination
  /** Which ETS the companions are (etsVariantFor: the full candidate set unless the panel is too big for it). */
  etsVariant: EtsVariant
  cleaned: CleanSeries[]
  /** Series forecast by Theta because they are shorter than the network's minimum input. */
  fallback: number[]
  /** Series that gave no training window (too short for lookback + target + validation) but got a network forecast. */
  untrained: number
  trainSeconds: number
}

/** The run's companions, their ETS variant chosen once for the panel. */
type Companions = (
  histories: readonly Float64Array[],
  period: number,
  horizon: number,
) => Promise<CompanionForecasts>

export async function runPanel(input: PanelInput, options: PanelRunOptions): Promise<PanelRunResult> {
  if (input.series.length === 0) throw new RangeError('the panel has no series')
  const cleaned = input.series.map((s) => cleanSeries(s.values))
  const values = cleaned.map((c) => c.values)
  const config = autoPanelConfig(
    {
      horizon: options.horizon,
      season: input.season ?? input.period,
      period: input.period,
      lengths: values.map((v) => v.length),
    },
    { ...(options.seed !== undefined ? { seed: options.seed } : {}), ...options.overrides },
  )
  const started = performance.now()
  const inputs = config.deseasonalise ? values.map((v) => deseasonalise(v, input.period).adjusted) : values
  const features = panelFeatures(
    input,
    cleaned.map((c) => c.start),
    config,
  )
  // Refused before training, not after it: every series the network forecasts needs its
  // known-future inputs for the horizon after its end.
  const label = (s: number) => input.series[s].key.join('/')
  if (features) checkInputsAhead(features, values, config.horizon, config.minObserved, label)
  const model = await trainGlobalModel(inputs, config, {
    trainer: options.trainer,
    onEpoch: options.onEpoch,
    features,
  })
  const trainSeconds = (performance.now() - started) / 1000
  const network = { ...config, spec: model.spec, params: model.params, inputs: model.inputs }
  const workers = options.companions ?? companionsInThisThread
  const etsVariant = etsVariantFor(
    values.map((v) => v.length),
    input.period,
  )
  const statistics: Companions = (histories, period, horizon) =>
    workers(histories, period, horizon, etsVariant)
  const ahead = await forecastPanel(network, values, input.period, features, label)
  const block = await validationBlock(network, values, input.period, statistics, features)
  const combination =
    options.blend === 'network'
      ? { weights: NETWORK_ALONE, validationOwa: [], series: 0 }
      : choosePanelCombination(block, input.period)
  // Fitted even when validation keeps the network alone: on a held-out run they are the test
  // part's ETS and Theta baselines (panel-training.ts), which would otherwise be fitted again
  // outside the pool.
  const companions = await statistics(values, input.period, config.horizon)
  const combined = (f: Float64Array, parts: CompanionForecasts, s: number) =>
    combination.weights.network === 1 ? f : combineSeries(f, parts, s, combination.weights)
  const forecasts = ahead.forecasts.map((f, s) =>
    ahead.fallback.includes(s) ? f : combined(f, companions, s),
  )
  // Intervals are calibrated on the validation block's forecasts, combined as the forecasts are.
  const calibration = calibratePanelIntervals(
    block.fit,
    block.actual,
    block.network.map((f, s) => combined(f, block.companions, s)),
    config.horizon,
  )
  const untrained = values.length - model.seriesTrained - ahead.fallback.length
  return {
    config,
    model,
    forecasts,
    intervals: forecasts.map((f, s) => panelIntervals(calibration, values[s], f)),
    calibration,
    networkForecasts: ahead.forecasts,
    companions,
    combination,
    etsVariant,
    cleaned,
    fallback: ahead.fallback,
    untrained,
    trainSeconds,
  }
}

/** Every series' last h training points, and the network's, ETS's and Theta's forecasts of them from before. */
async function validationBlock(
  network: PanelNetwork,
  values: Float64Array[],
  period: number,
  statistics: Companions,
  features: SeriesFeatures | undefined,
): Promise<ValidationBlock> {
  const h = network.horizon
  const fit = values.map((v) => v.subarray(0, Math.max(0, v.length - h)))
  const actual = values.map((v) => v.subarray(Math.max(0, v.length - h)))
  const { forecasts } = await forecastPanel(network, fit, period, features)
  return { fit, actual, network: forecasts, companions: await statistics(fit, period, h) }
}
