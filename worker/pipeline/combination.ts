import { autoEts } from '../statistics/index'
import { fixEts, fixedEtsForecast, type FixedEts } from '../statistics/ets/fixed-ets'

/**
 * A forecast combined from the network and classical companions, each fitted on the training
 * part only: combinations were the most robust lesson of the M competitions, and exponential
 * smoothing extrapolates calmly where a network trained on a few hundred windows over-reacts.
 * The weights are chosen on validation folds (Auto) and sum to one.
 */
export interface CombinationWeights {
  network: number
  ets: number
}

/** The statistical models one target's forecast is combined with. */
export interface TargetCompanions {
  /** Null when no ETS model could be fitted (the network then takes its weight). */
  ets: FixedEts | null
}

export const NETWORK_ONLY: CombinationWeights = { network: 1, ets: 0 }

export function usesCompanions(weights: CombinationWeights | undefined): weights is CombinationWeights {
  return weights !== undefined && weights.network < 1
}

/** Fits the companions on `values[0, trainEnd)`; a model that cannot be fitted is left out. */
export function fitCompanions(values: ArrayLike<number>, trainEnd: number, m: number): TargetCompanions {
  const train = Float64Array.from(Array.prototype.slice.call(values, 0, trainEnd) as number[])
  try {
    return { ets: fixEts(autoEts(train, m).best) }
  } catch {
    return { ets: null }
  }
}

/** The combined forecast for the steps after `history` (raw values before the origin). */
export function combineForecast(
  network: Float64Array,
  history: ArrayLike<number>,
  companions: TargetCompanions | undefined,
  weights: CombinationWeights,
): Float64Array {
  const ets = companions?.ets ? fixedEtsForecast(companions.ets, history, network.length) : null
  const networkWeight = ets ? weights.network : weights.network + weights.ets
  return Float64Array.from(network, (f, k) => networkWeight * f + (ets ? weights.ets * ets[k] : 0))
}

/** Throws a RangeError when the weights are not a combination (non-negative, summing to one). */
export function checkCombination(weights: CombinationWeights): void {
  const parts = [weights.network, weights.ets]
  if (!parts.every((w) => Number.isFinite(w) && w >= 0) || Math.abs(parts.reduce((a, b) => a + b) - 1) > 1e-9)
    throw new RangeError(
      `combination weights must be ≥ 0 and sum to 1, got network ${weights.network}, ets ${weights.ets}`,
    )
}
