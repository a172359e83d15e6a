import type { Trainer, TrainEpoch } from '../training/trainer'
import { cleanSeries, type CleanSeries } from './clean-series'
import { trainGlobalModel, type GlobalModel } from './global-model'
import { autoPanelConfig } from './panel-auto'
import { forecastPanel, type PanelNetwork } from './panel-forecast'
import { blend, chooseThetaBlend, type BlendChoice } from './theta-blend'
import { thetaForecast } from '../statistics/baselines/theta'
import { deseasonalise } from '../statistics/seasonality/deseasonalise'
import type { PanelConfig, PanelInput } from './types'

/**
 * A panel run: clean every series, let Auto choose the configuration (or take the caller's), train
 * one global network with validation on each series' last `horizon` points, and forecast `horizon`
 * points from the end of every series with the best epoch's weights. The validation block is used
 * as input for that forecast but not refitted on (as NeuralForecast does with its val_size).
 */

export interface PanelRunOptions {
  horizon: number
  trainer?: Trainer
  seed?: number
  overrides?: Partial<PanelConfig>
  onEpoch?: (member: number, report: TrainEpoch) => void
  /** 'validation' (default): blend with Theta at the share validation prefers; 'network': the network alone. */
  blend?: 'validation' | 'network'
}

export interface PanelRunResult {
  config: PanelConfig
  model: GlobalModel
  /** Per series, in the input's order, starting right after its last observed point (blended with Theta as validation chose). */
  forecasts: Float64Array[]
  /** The network's own forecasts, before the blend. */
  networkForecasts: Float64Array[]
  blend: BlendChoice
  cleaned: CleanSeries[]
  /** Series forecast by Theta because they are shorter than the network's minimum input. */
  fallback: number[]
  /** Series that gave no training window (too short for lookback + target + validation) but got a network forecast. */
  untrained: number
  trainSeconds: number
}

export async function runPanel(input: PanelInput, options: PanelRunOptions): Promise<PanelRunResult> {
  if (input.series.length === 0) throw new RangeError('the panel has no series')
  const cleaned = input.series.map((s) => cleanSeries(s.values))
  const values = cleaned.map((c) => c.values)
  const config = autoPanelConfig(
    { horizon: options.horizon, season: input.season ?? input.period, lengths: values.map((v) => v.length) },
    { ...(options.seed !== undefined ? { seed: options.seed } : {}), ...options.overrides },
  )
  const started = performance.now()
  const inputs = config.deseasonalise ? values.map((v) => deseasonalise(v, input.period).adjusted) : values
  const model = await trainGlobalModel(inputs, config, { trainer: options.trainer, onEpoch: options.onEpoch })
  const trainSeconds = (performance.now() - started) / 1000
  const network = { ...config, spec: model.spec, params: model.params }
  const ahead = await forecastPanel(network, values, input.period)
  const blendChoice = await chooseBlend(network, values, input.period, options.blend ?? 'validation')
  const forecasts = ahead.forecasts.map((f, s) =>
    blendChoice.networkWeight === 1 || ahead.fallback.includes(s)
      ? f
      : blend(f, thetaForecast(values[s], input.period, config.horizon), blendChoice.networkWeight),
  )
  const untrained = values.length - model.seriesTrained - ahead.fallback.length
  return {
    config,
    model,
    forecasts,
    networkForecasts: ahead.forecasts,
    blend: blendChoice,
    cleaned,
    fallback: ahead.fallback,
    untrained,
    trainSeconds,
  }
}

/** Network forecasts of every series' validation block, then the Theta share validation prefers. */
async function chooseBlend(
  network: PanelNetwork,
  values: Float64Array[],
  period: number,
  mode: 'validation' | 'network',
): Promise<BlendChoice> {
  if (mode === 'network') return { networkWeight: 1, validationOwa: [], series: 0 }
  const h = network.horizon
  const fit = values.map((v) => v.subarray(0, Math.max(0, v.length - h)))
  const actual = values.map((v) => v.subarray(Math.max(0, v.length - h)))
  const { forecasts } = await forecastPanel(network, fit, period)
  return chooseThetaBlend({ fit, actual, network: forecasts }, period)
}
