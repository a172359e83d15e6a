import { naive2Forecast } from '../statistics/baselines/naive2'
import { thetaForecast } from '../statistics/baselines/theta'
import { overallWeightedAverage, panelAccuracy, seriesAccuracy } from '../statistics/panel-metrics'

/**
 * The share of the network in a blend with Theta, chosen on validation only. Combining a learned
 * forecast with a robust statistical one is the M competitions' most reliable gain (M4's top
 * entries are combinations, ES-RNN a hybrid): where the panel is short and noisy (M3 quarterly)
 * the network alone may lose to Theta, where it has history to learn from (M4 weekly) it wins, and
 * the validation block — each series' last h training points — tells which.
 */

/** Candidate network shares, from the network alone down to Theta alone. */
export const NETWORK_WEIGHTS = [1, 0.75, 0.5, 0.25, 0] as const

export interface BlendChoice {
  networkWeight: number
  /** Validation OWA (against Naive2 on the same block) of each candidate share. */
  validationOwa: { networkWeight: number; owa: number }[]
  /** Series that took part (a validation block and something before it). */
  series: number
}

export interface ValidationBlock {
  /** Each series' fit part (its training part without the last h points). */
  fit: readonly Float64Array[]
  /** The last h points of each series' training part. */
  actual: readonly Float64Array[]
  /** The network's forecasts of those points, from the end of the fit part. */
  network: readonly Float64Array[]
  /** Theta's forecasts of those points (empty for a series with no fit part). */
  theta: readonly Float64Array[]
}

/** Theta from the end of each fit part, h points (empty where there is no history). */
export function thetaValidation(
  fit: readonly Float64Array[],
  horizon: number,
  period: number,
): Float64Array[] {
  return fit.map((y) => (y.length > 0 ? thetaForecast(y, period, horizon) : new Float64Array(0)))
}

export function blend(
  network: ArrayLike<number>,
  theta: ArrayLike<number>,
  networkWeight: number,
): Float64Array {
  return Float64Array.from(network, (v, k) => networkWeight * v + (1 - networkWeight) * theta[k])
}

export function chooseThetaBlend(block: ValidationBlock, period: number): BlendChoice {
  const used = block.fit.flatMap((fit, s) => (fit.length > 0 && block.actual[s].length > 0 ? [s] : []))
  if (used.length === 0) return { networkWeight: 1, validationOwa: [], series: 0 }
  const score = (forecast: (s: number) => ArrayLike<number>) =>
    panelAccuracy(used.map((s) => seriesAccuracy(block.actual[s], forecast(s), block.fit[s], period)))
  const h = (s: number) => block.actual[s].length
  const naive2 = score((s) => naive2Forecast(block.fit[s], period, h(s)))
  // A validation block where Naive2 is perfect leaves nothing to choose by: keep the network.
  if (!(naive2.smape > 0) || !(naive2.mase > 0))
    return { networkWeight: 1, validationOwa: [], series: used.length }
  const validationOwa = NETWORK_WEIGHTS.map((networkWeight) => ({
    networkWeight,
    owa: overallWeightedAverage(
      score((s) =>
        blend(block.network[s].subarray(0, h(s)), block.theta[s].subarray(0, h(s)), networkWeight),
      ),
      naive2,
    ),
  }))
  // Strictly better only: on a tie the larger network share stays.
  const best = validationOwa.reduce((a, b) => (b.owa < a.owa ? b : a))
  return { networkWeight: best.networkWeight, validationOwa, series: used.length }
}
