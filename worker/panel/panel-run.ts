import type { Trainer, TrainEpoch } from '../training/trainer'
import { cleanSeries, type CleanSeries } from './clean-series'
import { trainGlobalModel, type GlobalModel } from './global-model'
import { autoPanelConfig } from './panel-auto'
import { forecastPanel } from './panel-forecast'
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
}

export interface PanelRunResult {
  config: PanelConfig
  model: GlobalModel
  /** Per series, in the input's order, starting right after its last observed point. */
  forecasts: Float64Array[]
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
  const model = await trainGlobalModel(values, config, { trainer: options.trainer, onEpoch: options.onEpoch })
  const trainSeconds = (performance.now() - started) / 1000
  const { forecasts, fallback } = await forecastPanel(
    { ...config, spec: model.spec, params: model.params },
    values,
    input.period,
  )
  const untrained = values.length - model.seriesTrained - fallback.length
  return { config, model, forecasts, cleaned, fallback, untrained, trainSeconds }
}
