import { combinationGrid, EQUAL_WEIGHTS, fitCompanions, type CombinationWeights } from './combination'

export { combinationGrid, EQUAL_WEIGHTS } from './combination'
import { pooledValidation, type PooledValidation } from './folds'
import { periodOf } from './prepare'
import { seriesLength } from './targets'
import type { TrainedRun } from './run'
import type { PipelineState, SeriesInput } from './types'

/** A combination and its error pooled over every validation fold (original units). */
export interface CombinationScore {
  weights: CombinationWeights
  validationScore: number
}

/**
 * On a short series, how much lower another combination's pooled validation error must be to
 * replace equal weights. There a network trains on few windows and a few dozen validation points
 * rank 14 combinations mostly by chance: on 30 M3 quarterly series (24–72 points) the lowest
 * validation error gave mean MASE 1.12 on their test parts, equal weights 1.04. The margin keeps
 * the network alone where validation shows it far ahead (AirPassengers, JohnsonJohnson).
 */
export const CLEAR_MARGIN = 0.2
/**
 * Series at least this long keep the lowest validation error as it is: on 20 M4 weekly series
 * (93–2,300 points) insisting on a margin cost more than it saved.
 */
export const SHORT_SERIES = 200
/**
 * Below this many points validation does not choose the weights at all. Such a series leaves the
 * network a few dozen training windows and its folds a few dozen validation points, the same
 * points its early stopping and its mode were chosen on: its validation error is optimistic, and
 * ranking it against ETS and Theta there is a coin toss with lopsided losses. On 60 held-out M3
 * quarterly series (24–72 points, three disjoint samples of 20) the weights validation chose gave
 * a mean test MASE of 0.983, these fixed weights 0.901 (ETS 0.936, Theta 0.896; ETS and Theta
 * in halves, no network, 0.876). The network keeps the smallest share of Auto's grid, so the
 * forecast stays a network's, and the statistics carry the rest.
 */
export const FEW_POINTS = 80
export const FEW_POINTS_WEIGHTS: CombinationWeights = { network: 0.25, ets: 0.375, theta: 0.375 }

/**
 * How Auto picks the weights, by the series' length: fixed weights below FEW_POINTS, equal
 * thirds unless another weighting is clearly better below SHORT_SERIES, the lowest error above.
 */
export type CombinationRule = 'fixed' | 'clearMargin' | 'lowest'

export function combinationRuleFor(length: number): CombinationRule {
  if (length < FEW_POINTS) return 'fixed'
  return length < SHORT_SERIES ? 'clearMargin' : 'lowest'
}

/** What a run's notes say when the fixed weights were kept, and why. */
export function fixedCombinationNote(points: number): string {
  const { network, ets, theta } = FEW_POINTS_WEIGHTS
  const percent = (share: number) => `${Math.round(share * 1000) / 10} %`
  return (
    `${points} points are fewer than ${FEW_POINTS}: too few validation points to rank the network against ` +
    `ETS and Theta, so the forecast combines them at fixed weights (network ${percent(network)}, ` +
    `ETS ${percent(ets)}, Theta ${percent(theta)}).`
  )
}

function sameWeights(a: CombinationWeights, b: CombinationWeights): boolean {
  return (['network', 'ets', 'theta'] as const).every((name) => Math.abs(a[name] - b[name]) < 1e-12)
}

export function withState(run: TrainedRun, state: PipelineState): TrainedRun {
  return {
    ...run,
    prepared: { ...run.prepared, state },
    predictor: { ...run.predictor, state },
    model: { ...run.model, state },
  }
}

/** The run with its companions fitted on its own training part (no later value reaches them). */
function withCompanions(series: SeriesInput, run: TrainedRun): TrainedRun {
  const { state, split } = run.prepared
  const m = periodOf(series)
  return withState(run, {
    ...state,
    targets: state.targets.map((target, t) => ({
      ...target,
      companions: fitCompanions(series.targets[t].values, split.train.end, m),
    })),
  })
}

function weighted(run: TrainedRun, weights: CombinationWeights): TrainedRun {
  const { state } = run.prepared
  return withState(run, { ...state, config: { ...state.config, combination: weights } })
}

type Scored = { weights: CombinationWeights; analysis: PooledValidation }

function pick(scored: Scored[], rule: CombinationRule): Scored {
  if (rule === 'fixed') return scored.find(({ weights }) => sameWeights(weights, FEW_POINTS_WEIGHTS))!
  const lowest = scored.reduce((a, b) => (b.analysis.score < a.analysis.score ? b : a))
  if (rule === 'lowest') return lowest
  const equal = scored.find(({ weights }) => weights === EQUAL_WEIGHTS)!
  return lowest.analysis.score < (1 - CLEAR_MARGIN) * equal.analysis.score ? lowest : equal
}

/**
 * Every combination of the judged network with ETS and Theta, scored on the same folds as the network
 * (each fold's companions fitted on that fold's training part), then picked by the series' rule
 * (combinationRuleFor). Every score is reported, whichever rule picked.
 */
export function chooseCombination(
  series: SeriesInput,
  runs: TrainedRun[],
): {
  scores: CombinationScore[]
  chosen: CombinationScore
  rule: CombinationRule
  main: TrainedRun
  analysis: PooledValidation
} {
  const fitted = runs.map((run) => withCompanions(series, run))
  const residualWeight = runs[0].prepared.state.config.residualWeight
  const scored = combinationGrid().map((weights) => {
    const analysis = pooledValidation(
      series,
      fitted.map((run) => weighted(run, weights)),
      residualWeight,
    )
    return { weights, analysis }
  })
  const rule = combinationRuleFor(seriesLength(series))
  const best = pick(scored, rule)
  return {
    scores: scored.map(({ weights, analysis }) => ({ weights, validationScore: analysis.score })),
    chosen: { weights: best.weights, validationScore: best.analysis.score },
    rule,
    main: weighted(fitted[0], best.weights),
    analysis: best.analysis,
  }
}
