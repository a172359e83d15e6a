import { autoEts } from '../statistics/index'
import { fixEts, fixedEtsForecast, type FixedEts } from '../statistics/ets/fixed-ets'
import { fitFixedTheta, fixedThetaForecast, type FixedTheta } from '../statistics/baselines/fixed-theta'

/**
 * A forecast combined from the network and classical companions, each fitted on the training
 * part only: combinations were the most robust lesson of the M competitions, and exponential
 * smoothing and Theta extrapolate calmly where a network trained on a few hundred windows
 * over-reacts. The weights are chosen on validation folds (Auto) and sum to one.
 */
export interface CombinationWeights {
  network: number
  ets: number
  theta: number
}

/** The statistical models one target's forecast is combined with; null where one could not be fitted. */
export interface TargetCompanions {
  ets: FixedEts | null
  theta: FixedTheta | null
}

export function usesCompanions(weights: CombinationWeights | undefined): weights is CombinationWeights {
  return weights !== undefined && weights.network < 1
}

function attempt<T>(fit: () => T): T | null {
  try {
    return fit()
  } catch {
    return null
  }
}

/** Fits the companions on `values[0, trainEnd)`; a model that cannot be fitted is left out. */
export function fitCompanions(values: ArrayLike<number>, trainEnd: number, m: number): TargetCompanions {
  const train = Float64Array.from(Array.prototype.slice.call(values, 0, trainEnd) as number[])
  return {
    ets: attempt(() => fixEts(autoEts(train, m).best)),
    theta: attempt(() => fitFixedTheta(train, m)),
  }
}

/**
 * The combined forecast for the steps after `history` (raw values before the origin). A
 * companion that could not be fitted gives its weight to the network.
 */
export function combineForecast(
  network: Float64Array,
  history: ArrayLike<number>,
  companions: TargetCompanions | undefined,
  weights: CombinationWeights,
): Float64Array {
  const steps = network.length
  const parts: Array<[number, Float64Array]> = []
  let networkWeight = weights.network
  const add = (weight: number, forecast: () => Float64Array | null) => {
    if (weight === 0) return
    const values = forecast()
    if (values) parts.push([weight, values])
    else networkWeight += weight
  }
  const { ets = null, theta = null } = companions ?? {}
  add(weights.ets, () => (ets ? fixedEtsForecast(ets, history, steps) : null))
  add(weights.theta, () => (theta ? fixedThetaForecast(theta, history, steps) : null))
  return Float64Array.from(network, (f, k) =>
    parts.reduce((sum, [weight, values]) => sum + weight * values[k], networkWeight * f),
  )
}

/** Throws a RangeError when the weights are not a combination (non-negative, summing to one). */
export function checkCombination(weights: CombinationWeights): void {
  const parts = [weights.network, weights.ets, weights.theta]
  if (!parts.every((w) => Number.isFinite(w) && w >= 0) || Math.abs(parts.reduce((a, b) => a + b) - 1) > 1e-9)
    throw new RangeError(
      `combination weights must be ≥ 0 and sum to 1, got network ${weights.network}, ets ${weights.ets}, theta ${weights.theta}`,
    )
}
