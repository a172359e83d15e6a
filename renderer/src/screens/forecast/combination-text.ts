import type { AutoChoice } from '../../../../electron/api/requests/training-auto'

export interface KeptCombination {
  weights: { network: number; ets: number; theta: number }
  validationMae: number | null
  /** The network alone on the same folds, for comparison. */
  networkAloneMae: number | null
}

/** The combination Auto kept, when it is not the network alone (then there is nothing to say). */
export function keptCombination(choice: AutoChoice): KeptCombination | null {
  const combinations = choice.combinations ?? []
  const kept = combinations.find((c) => c.kept)
  if (!kept || kept.network === 1) return null
  const alone = combinations.find((c) => c.network === 1)
  return {
    weights: { network: kept.network, ets: kept.ets, theta: kept.theta },
    validationMae: kept.validationMae,
    networkAloneMae: alone?.validationMae ?? null,
  }
}
