import type { ConformalCalibration, TargetTransformJSON } from '../statistics/index'
import type { PipelineState, SeriesInput, TrainedModel } from './types'

/**
 * A model forecasts one primary target and optionally further ones. Target t (0 = primary) has
 * its own transform; the network reads every target and its head writes H values per target,
 * target-major: out[t·H + k].
 */

/** Targets a network serves at most: the head grows H values per target. */
export const MAX_TARGETS = 16

export function targetCount(state: Pick<PipelineState, 'extraTargets'>): number {
  return 1 + (state.extraTargets?.length ?? 0)
}

export function targetTransforms(
  state: Pick<PipelineState, 'transform' | 'extraTargets'>,
): TargetTransformJSON[] {
  return [state.transform, ...(state.extraTargets ?? []).map((target) => target.transform)]
}

/** Raw values of every target, primary first. */
export function targetValues(series: Pick<SeriesInput, 'target' | 'extraTargets'>): ArrayLike<number>[] {
  return [series.target, ...(series.extraTargets ?? []).map((target) => target.values)]
}

/** Names of the extra targets (the primary one is named by whoever loaded the series). */
export function extraTargetNames(state: Pick<PipelineState, 'extraTargets'>): string[] {
  return (state.extraTargets ?? []).map((target) => target.name)
}

/** Throws a RangeError naming the first extra target that cannot be trained on. */
export function checkExtraTargets(series: SeriesInput): void {
  const extras = series.extraTargets ?? []
  if (extras.length + 1 > MAX_TARGETS)
    throw new RangeError(`a model forecasts at most ${MAX_TARGETS} targets, got ${extras.length + 1}`)
  const n = series.target.length
  const names = new Set<string>()
  const covariates = [...(series.pastCovariates ?? []), ...(series.futureCovariates ?? [])].map((c) => c.name)
  for (const extra of extras) {
    if (names.has(extra.name)) throw new RangeError(`target "${extra.name}" is listed twice`)
    if (covariates.includes(extra.name))
      throw new RangeError(`"${extra.name}" cannot be both a target and a covariate`)
    names.add(extra.name)
    if (extra.values.length < n)
      throw new RangeError(
        `target "${extra.name}" has ${extra.values.length} values, the primary target ${n}`,
      )
    for (let i = 0; i < n; i++)
      if (!Number.isFinite(extra.values[i]))
        throw new RangeError(`target "${extra.name}" value ${i} is missing or not a number`)
  }
}

/** Interval calibration of target `which` (0 = primary). */
export function calibrationOf(model: Pick<TrainedModel, 'calibration' | 'extraCalibrations'>, which: number) {
  const calibration: ConformalCalibration | undefined =
    which === 0 ? model.calibration : model.extraCalibrations?.[which - 1]
  if (!calibration) throw new RangeError(`the model has no interval calibration for target ${which}`)
  return calibration
}
