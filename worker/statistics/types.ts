/** Shared result shapes of every forecaster in this folder (baselines, ETS, conformalised networks). */

export interface PredictionInterval {
  /** Nominal coverage in percent, e.g. 80 or 95. */
  level: number
  lower: Float64Array
  upper: Float64Array
}

export interface Forecast {
  /** Point forecasts for steps 1..h after the end of the history. */
  mean: Float64Array
  intervals: PredictionInterval[]
  /** Human-readable method name, e.g. "Seasonal naive[12]" or "ETS(M,Ad,M)". */
  method: string
}

export const DEFAULT_LEVELS: readonly number[] = [80, 95]
