import { combinationGrid, mixForecasts, type CombinationWeights } from '../pipeline/combination'
import { naive2Forecast } from '../statistics/baselines/naive2'
import { overallWeightedAverage, panelAccuracy, seriesAccuracy } from '../statistics/panel-metrics'
import type { CompanionForecasts } from './companion-forecasts'

/**
 * The global network combined with ETS and Theta, at the weights the validation block prefers —
 * the same weightings single-series Auto tries (combination.ts). Combining a learned forecast
 * with robust statistical ones is the M competitions' most reliable gain (M4's top entries are
 * combinations, ES-RNN a hybrid): where the panel is short and noisy (M3 quarterly) the network
 * alone loses to Theta, where it has history to learn from (M4 weekly) it wins, and each series'
 * last h training points tell which. Pooled over hundreds of series, the validation block ranks
 * the weightings reliably, so the lowest validation OWA is kept (ties keep the earlier, larger
 * network share).
 */

export interface PanelCombination {
  weights: CombinationWeights
  /** Validation OWA (against Naive2 on the same block) of every weighting tried. */
  validationOwa: { weights: CombinationWeights; owa: number }[]
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
  /** ETS's and Theta's forecasts of them, fitted on the fit part. */
  companions: CompanionForecasts
}

/** Relative difference in validation OWA below which two weightings tie (sums of the same forecasts differ in the last bits). */
const TIE = 1e-9

export const NETWORK_ALONE: CombinationWeights = { network: 1, ets: 0, theta: 0 }

/** One series' combined forecast; a companion without a forecast gives its weight to the network. */
export function combineSeries(
  network: ArrayLike<number>,
  companions: CompanionForecasts,
  s: number,
  weights: CombinationWeights,
): Float64Array {
  const cut = (f: Float64Array | null) => f?.subarray(0, network.length) ?? null
  return mixForecasts(
    network,
    { ets: () => cut(companions.ets[s]), theta: () => cut(companions.theta[s]) },
    weights,
  )
}

export function choosePanelCombination(block: ValidationBlock, period: number): PanelCombination {
  const used = block.fit.flatMap((fit, s) => (fit.length > 0 && block.actual[s].length > 0 ? [s] : []))
  const none = { weights: NETWORK_ALONE, validationOwa: [], series: used.length }
  if (used.length === 0) return none
  const score = (forecast: (s: number) => ArrayLike<number>) =>
    panelAccuracy(used.map((s) => seriesAccuracy(block.actual[s], forecast(s), block.fit[s], period)))
  const h = (s: number) => block.actual[s].length
  const naive2 = score((s) => naive2Forecast(block.fit[s], period, h(s)))
  // A validation block where Naive2 is perfect leaves nothing to choose by: keep the network.
  if (!(naive2.smape > 0) || !(naive2.mase > 0)) return none
  const validationOwa = combinationGrid().map((weights) => ({
    weights,
    owa: overallWeightedAverage(
      score((s) => combineSeries(block.network[s].subarray(0, h(s)), block.companions, s, weights)),
      naive2,
    ),
  }))
  // Strictly better only (beyond rounding): on a tie the earlier weighting (the larger network share) stays.
  const best = validationOwa.reduce((a, b) => (b.owa < a.owa * (1 - TIE) ? b : a))
  return { weights: best.weights, validationOwa, series: used.length }
}
