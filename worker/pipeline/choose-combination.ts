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

/**
 * Every combination of the judged network with ETS and Theta, scored on the same folds as the network
 * (each fold's companions fitted on that fold's training part). The lowest pooled validation error
 * is kept, except that on a short series equal weights stay unless it is at least CLEAR_MARGIN lower.
 */
export function chooseCombination(
  series: SeriesInput,
  runs: TrainedRun[],
): { scores: CombinationScore[]; chosen: CombinationScore; main: TrainedRun; analysis: PooledValidation } {
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
  const lowest = scored.reduce((a, b) => (b.analysis.score < a.analysis.score ? b : a))
  const equal = scored.find(({ weights }) => weights === EQUAL_WEIGHTS)!
  const margin = seriesLength(series) < SHORT_SERIES ? CLEAR_MARGIN : 0
  const best = lowest.analysis.score < (1 - margin) * equal.analysis.score ? lowest : equal
  return {
    scores: scored.map(({ weights, analysis }) => ({ weights, validationScore: analysis.score })),
    chosen: { weights: best.weights, validationScore: best.analysis.score },
    main: weighted(fitted[0], best.weights),
    analysis: best.analysis,
  }
}
