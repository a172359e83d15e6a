import { isSeasonal } from './seasonality-test'
import { multiplicativeSeasonalIndices } from './multiplicative-decomposition'

/**
 * The M competitions' seasonal adjustment: divide by the classical multiplicative indices when
 * the 90 % autocorrelation test finds seasonality, leave the series alone otherwise. Forecasts
 * made on the adjusted series are multiplied back by `indicesAhead`.
 */

export interface SeasonalAdjustment {
  seasonal: boolean
  period: number
  /** Indices by position in the season counted from the first point; all 1 when not seasonal. */
  indices: Float64Array
  adjusted: Float64Array
}

export function deseasonalise(values: ArrayLike<number>, period: number): SeasonalAdjustment {
  const seasonal = isSeasonal(values, period) && allPositive(values)
  const indices = seasonal ? multiplicativeSeasonalIndices(values, period) : new Float64Array(period).fill(1)
  const adjusted = new Float64Array(values.length)
  for (let t = 0; t < values.length; t++) adjusted[t] = values[t] / indices[t % period]
  return { seasonal, period, indices, adjusted }
}

/** The indices of the h points after the series, i.e. positions n, n + 1, …, n + h − 1. */
export function indicesAhead(adjustment: SeasonalAdjustment, horizon: number): Float64Array {
  const { indices, period, adjusted } = adjustment
  const out = new Float64Array(horizon)
  for (let k = 0; k < horizon; k++) out[k] = indices[(adjusted.length + k) % period]
  return out
}

/** Multiplies forecasts of the adjusted series by the indices ahead, in place. */
export function reseasonalise(adjustment: SeasonalAdjustment, forecast: Float64Array): Float64Array {
  const ahead = indicesAhead(adjustment, forecast.length)
  for (let k = 0; k < forecast.length; k++) forecast[k] *= ahead[k]
  return forecast
}

// A multiplicative decomposition of data with zeros or negatives has no meaning (M4's data are
// positive; a user's may not be): such series are treated as not seasonal.
function allPositive(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!(values[i] > 0)) return false
  return true
}
