import { etsFitAt, type EtsFit } from './fit-model'
import type { EtsSpec } from './spec'

/**
 * A series whose values are all equal has no variance for maximum likelihood to work on: every
 * candidate's likelihood is −∞ and none can be ranked. R's ets() returns simple exponential
 * smoothing with α = 0.99999 and the first value as the level there
 * (`ses(y, alpha = 0.99999, initial = "simple")`); so does this. Its forecast is the constant,
 * its innovations are 0 and so is its interval width.
 */
export const CONSTANT_ALPHA = 0.99999

export function isConstant(y: ArrayLike<number>): boolean {
  for (let t = 1; t < y.length; t++) if (y[t] !== y[0]) return false
  return y.length > 0
}

export function constantEtsFit(y: ArrayLike<number>, m: number): EtsFit {
  const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N' }
  const fit = etsFitAt(y, spec, m, { alpha: CONSTANT_ALPHA, phi: 1 }, Float64Array.of(y[0]))
  // No likelihood to compare (log 0), and no error to measure: R's fit of constant data has neither.
  return { ...fit, sigma2: 0, lik: -Infinity, aic: -Infinity, aicc: -Infinity, bic: -Infinity }
}
