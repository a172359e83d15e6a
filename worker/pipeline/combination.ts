import { autoEts } from '../statistics/index'
import { fixEts, fixedEtsForecast, type FixedEts } from '../statistics/ets/fixed-ets'
import { fitFixedTheta, fixedThetaForecast, type FixedTheta } from '../statistics/baselines/fixed-theta'
import { valuesBefore } from './targets'

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
  const train = Float64Array.from(valuesBefore(values, trainEnd))
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
  const { ets = null, theta = null } = companions ?? {}
  const steps = network.length
  return mixForecasts(
    network,
    {
      ets: () => (ets ? fixedEtsForecast(ets, history, steps) : null),
      theta: () => (theta ? fixedThetaForecast(theta, history, steps) : null),
    },
    weights,
  )
}

/**
 * The weighted sum of the network's forecast and the companions' (each asked for only when its
 * weight is not 0). A companion that has no forecast (null) gives its weight to the network.
 */
export function mixForecasts(
  network: ArrayLike<number>,
  companions: { ets: () => ArrayLike<number> | null; theta: () => ArrayLike<number> | null },
  weights: CombinationWeights,
): Float64Array {
  const parts: Array<[number, ArrayLike<number>]> = []
  let networkWeight = weights.network
  for (const name of ['ets', 'theta'] as const) {
    if (weights[name] === 0) continue
    const values = companions[name]()
    if (values) parts.push([weights[name], values])
    else networkWeight += weights[name]
  }
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

/** Network shares Auto tries; the rest goes to the statistics. 0 is statistics alone. */
const NETWORK_SHARES = [1, 0.75, 0.5, 0.25, 0]
/** How the statistics' share is split between ETS and Theta. */
const ETS_PARTS = [1, 0.5, 0]
/** Equal weights: the M competitions' most robust combination, and Auto's default. */
export const EQUAL_WEIGHTS: CombinationWeights = { network: 1 / 3, ets: 1 / 3, theta: 1 / 3 }
/** Every combination Auto tries: the network alone first, then each share split each way, then equal thirds. */
export function combinationGrid(): CombinationWeights[] {
  const grid: CombinationWeights[] = [{ network: 1, ets: 0, theta: 0 }]
  for (const network of NETWORK_SHARES.slice(1))
    for (const part of ETS_PARTS) {
      const rest = 1 - network
      grid.push({ network, ets: rest * part, theta: rest * (1 - part) })
    }
  grid.push(EQUAL_WEIGHTS)
  return grid
}
