import { backendForParams } from '../engine/backend-choice'
import { paramCount, type ModelSpec } from '../engine/index'
import { thetaForecast } from '../statistics/baselines/theta'
import { deseasonalise, reseasonalise } from '../statistics/seasonality/deseasonalise'
import { checkInputsAhead, type PanelInputEncoding, type SeriesFeatures } from './panel-features'
import type { WindowScaling } from './types'
import { buildWindows, type Cut } from './window-builder'
import { fromScaled } from './window-scaling'

/**
 * Forecasts from the end of every series with the global network (the ensemble's outputs
 * averaged in original units). A series with fewer points than the network's minimum of
 * observed inputs is forecast by Theta instead — never dropped — and listed in `fallback`.
 */

export interface PanelNetwork {
  spec: ModelSpec
  params: Float32Array
  lookback: number
  horizon: number
  minObserved: number
  scaling: WindowScaling
  /** The network was trained on seasonally adjusted series (M4's classical decomposition). */
  deseasonalise?: boolean
  /** The extra inputs it reads (static attributes, calendar); absent for a plain network. */
  inputs?: PanelInputEncoding
}

export interface PanelForecasts {
  forecasts: Float64Array[]
  /** Indices of the series forecast by Theta because they are shorter than `minObserved`. */
  fallback: number[]
}

/** Series per forward call: bounds the input buffer for panels of many thousand series. */
const CHUNK = 4096

export async function forecastPanel(
  network: PanelNetwork,
  series: readonly Float64Array[],
  period: number,
  /** The series' extra inputs under `network.inputs` (seriesFeatures), when it reads any. */
  features?: SeriesFeatures,
  /** How a refusal names series `s` (its key, where the caller knows it). */
  label: (s: number) => string = (s) => `number ${s + 1}`,
): Promise<PanelForecasts> {
  if ((network.inputs !== undefined) !== (features !== undefined))
    throw new RangeError(
      network.inputs
        ? 'this network reads static, calendar or known-future inputs: give each series its features'
        : 'this network reads no static, calendar or known-future inputs, but features were given',
    )
  if (features) checkInputsAhead(features, series, network.horizon, network.minObserved, label)
  const forecasts: Float64Array[] = new Array<Float64Array>(series.length)
  const fallback: number[] = []
  const cuts: Cut[] = []
  series.forEach((values, s) => {
    if (values.length >= Math.max(1, network.minObserved)) cuts.push({ series: s, origin: values.length })
    else {
      fallback.push(s)
      forecasts[s] =
        values.length > 0
          ? thetaForecast(values, period, network.horizon)
          : new Float64Array(network.horizon).fill(NaN)
    }
  })
  // The network reads seasonally adjusted series when it was trained on them; each series'
  // indices are fitted on the values given here (its history only) and put back on the forecast.
  const adjustments = network.deseasonalise ? series.map((values) => deseasonalise(values, period)) : null
  const inputs = adjustments ? adjustments.map((a) => a.adjusted) : series
  const backend = await backendForParams(network.spec, network.params)
  const size = paramCount(network.spec)
  const memberCount = network.params.length / size
  const H = network.horizon
  for (let from = 0; from < cuts.length; from += CHUNK) {
    const chunk = cuts.slice(from, from + CHUNK)
    const windows = buildWindows(inputs, chunk, network, features)
    const out = new Float32Array(chunk.length * H)
    const sums = new Float64Array(chunk.length * H)
    for (let m = 0; m < memberCount; m++) {
      backend.forward(
        network.params.subarray(m * size, (m + 1) * size),
        windows.x,
        chunk.length,
        network.lookback,
        out,
      )
      for (let w = 0; w < chunk.length; w++)
        for (let k = 0; k < H; k++)
          sums[w * H + k] += fromScaled(out[w * H + k], windows.references[w], network.scaling) / memberCount
    }
    chunk.forEach((cut, w) => {
      const forecast = sums.slice(w * H, (w + 1) * H)
      forecasts[cut.series] = adjustments ? reseasonalise(adjustments[cut.series], forecast) : forecast
    })
  }
  return { forecasts, fallback }
}
