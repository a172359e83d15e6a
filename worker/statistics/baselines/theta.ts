import { fitFixedTheta, fixedThetaForecast, thetaLevel } from './fixed-theta'
import { checkForecastInput } from './naive2'

export { leastSquaresSlope } from './fixed-theta'

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000, M3's winner), in the form M4's benchmark
 * and R's forecast::thetaf compute it (Hyndman & Billah 2003 showed the two equal): on the
 * seasonally adjusted series, simple exponential smoothing with α and the initial level fitted by
 * least squares, plus a drift of half the slope b of the linear trend through the series:
 *   f_k = ℓ_n + (b/2) · (k − 1 + (1 − (1 − α)^n) / α),   k = 1…h,
 * the correction term being how far SES's level lags behind a linear trend. Then reseasonalised.
 * Fitted and forecast from the end of the same data: fixed-theta.ts holds the method itself.
 */

export interface ThetaFit {
  forecast: Float64Array
  alpha: number
  /** Level of the adjusted series after the last point. */
  level: number
  /** Slope of the least-squares line through the adjusted series (per step). */
  slope: number
  seasonal: boolean
}

export function thetaFit(values: ArrayLike<number>, period: number, horizon: number): ThetaFit {
  checkForecastInput(values, horizon, 'thetaForecast')
  const model = fitFixedTheta(values, period)
  return {
    forecast: fixedThetaForecast(model, values, horizon),
    alpha: model.alpha,
    level: thetaLevel(model, values),
    slope: model.slope,
    seasonal: model.indices.some((index) => index !== 1),
  }
}

export function thetaForecast(values: ArrayLike<number>, period: number, horizon: number): Float64Array {
  return thetaFit(values, period, horizon).forecast
}
