import type { ConformalCalibration, TargetTransformJSON } from '../statistics/index'
import type { PipelineState, SeriesInput, TrainedModel } from './types'

/**
 * A model forecasts one or more targets. Each has its own transform; the network reads every
 * target and its head writes the network's steps per target, target-major: out[t·steps + k].
 */

/** Targets a network serves at most: the head grows a horizon per target. */
export const MAX_TARGETS = 16

/**
 * The column a model reads for a target its file does not name (files written before every
 * target was named left the first one to training.json): the command line's default since 0.1.
 */
export const DEFAULT_TARGET_COLUMN = 'value'

export function targetCount(state: Pick<PipelineState, 'targets'>): number {
  return state.targets.length
}

export function targetNames(state: Pick<PipelineState, 'targets'>): string[] {
  return state.targets.map((target) => target.name)
}

export function targetTransforms(state: Pick<PipelineState, 'targets'>): TargetTransformJSON[] {
  return state.targets.map((target) => target.transform)
}

/** Raw values of every target, in the model's order. */
export function targetValues(series: Pick<SeriesInput, 'targets'>): ArrayLike<number>[] {
  return series.targets.map((target) => target.values)
}

/** A target's raw values before row `end`: a training part, or the history a forecast from that origin reads. */
export function valuesBefore(values: ArrayLike<number>, end: number): number[] {
  return Array.prototype.slice.call(values, 0, end) as number[]
}

/** Observations in the series: every target has one value per row (checkTargets). */
export function seriesLength(series: Pick<SeriesInput, 'targets'>): number {
  return series.targets[0]?.values.length ?? 0
}

/** Throws a RangeError naming the first target that cannot be trained on. */
export function checkTargets(series: SeriesInput): void {
  const { targets } = series
  if (targets.length === 0) throw new RangeError('a model forecasts at least one target, got none')
  if (targets.length > MAX_TARGETS)
    throw new RangeError(`a model forecasts at most ${MAX_TARGETS} targets, got ${targets.length}`)
  const n = seriesLength(series)
  const names = new Set<string>()
  const covariates = [...(series.pastCovariates ?? []), ...(series.futureCovariates ?? [])].map((c) => c.name)
  for (const target of targets) {
    if (names.has(target.name)) throw new RangeError(`target "${target.name}" is listed twice`)
    if (covariates.includes(target.name))
      throw new RangeError(`"${target.name}" cannot be both a target and a covariate`)
    names.add(target.name)
    if (target.values.length !== n)
      throw new RangeError(
        `target "${target.name}" has ${target.values.length} values, target "${targets[0].name}" ${n}`,
      )
    for (let i = 0; i < n; i++)
      if (!Number.isFinite(target.values[i]))
        throw new RangeError(`target "${target.name}" value ${i} is missing or not a number`)
  }
}

/** Interval calibration of target `which`, in the model's target order. */
export function calibrationOf(
  model: Pick<TrainedModel, 'calibrations'>,
  which: number,
): ConformalCalibration {
  const calibration = model.calibrations[which]
  if (!calibration) throw new RangeError(`the model has no interval calibration for target ${which}`)
  return calibration
}
