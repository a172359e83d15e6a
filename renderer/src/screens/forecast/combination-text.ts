import type { AutoChoice } from '../../../../electron/api/requests/training-auto'

export interface KeptCombination {
  weights: { network: number; ets: number; theta: number }
  validationMae: number | null
  /** The network alone on the same folds, for comparison. */
  networkAloneMae: number | null
  /**
   * Kept as the default (equal thirds on a short series) although another weighting scored lower
   * on validation, because none scored clearly (20 %) lower: the note must not say validation preferred it.
   */
  byDefault: boolean
  /** Kept by Auto's rule for very short series (fixed weights), whatever validation said. */
  fixed: boolean
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
    byDefault: combinations.some(
      (c) => c.validationMae !== null && kept.validationMae !== null && c.validationMae < kept.validationMae,
    ),
    fixed: choice.combinationRule === 'fixed',
  }
}
