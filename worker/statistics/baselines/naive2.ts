import { deseasonalise, reseasonalise } from '../seasonality/deseasonalise'

/**
 * Naive2, the M competitions' yardstick (OWA = 1): the last value of the seasonally adjusted
 * series, carried forward and multiplied back by the seasonal indices. Without seasonality
 * (period 1, or the 90 % test finds none) it is the plain naive forecast.
 */
export function naive2Forecast(values: ArrayLike<number>, period: number, horizon: number): Float64Array {
  checkForecastInput(values, horizon, 'naive2Forecast')
  const adjustment = deseasonalise(values, period)
  const last = adjustment.adjusted[adjustment.adjusted.length - 1]
  return reseasonalise(adjustment, new Float64Array(horizon).fill(last))
}

export function checkForecastInput(values: ArrayLike<number>, horizon: number, name: string): void {
  if (values.length === 0) throw new RangeError(`${name}: the series is empty`)
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new RangeError(`${name}: the horizon must be a whole number ≥ 1, got ${horizon}`)
  for (let i = 0; i < values.length; i++)
    if (!Number.isFinite(values[i]))
      throw new RangeError(
        `${name}: value ${i + 1} is not a finite number (${values[i]}); fill missing values first`,
      )
}
