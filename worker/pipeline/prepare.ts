import type { WindowSet } from '../training/windows'
import {
  chronologicalSplit,
  Scaler,
  TargetTransform,
  type ChronologicalSplit,
  type TargetTransformJSON,
} from '../statistics/index'
import { seasonalPeriod } from '../timeseries/calendar'
import { calendarOf, checkCalendarSource } from './calendar'
import { toZColumns, type ZColumns } from './columns'
import { validateConfig } from './config'
import { buildInputs, buildTargetsOf, firstOrigin, originRange, type InputShape } from './inputs'
import { networkSpec, stepsPerCall } from './network-shape'
import { checkTargets, seriesLength, valuesBefore } from './targets'
import { fitCompanions, usesCompanions } from './combination'
import { fitEtsBase, residualBasesOf } from './residual-base'
import { lowerBoundOf } from './target-intervals'
import type { PipelineConfig, PipelineState, SeriesInput } from './types'

/** Windows and fitted transforms for one training run. Indices of `split` are original; origins are z-space. */
export interface Prepared {
  state: PipelineState
  zc: ZColumns
  split: ChronologicalSplit
  shape: InputShape
  trainOrigins: number[]
  validationOrigins: number[]
  train: WindowSet
  validation: { x: Float64Array; y: Float64Array }
}

export function periodOf(series: SeriesInput): number {
  if (series.period !== undefined) return Math.max(1, Math.round(series.period))
  return series.frequency ? seasonalPeriod(series.frequency) : 1
}

/** Fits every transform on the training part only: validation and test values never reach a statistic. */
export function fitState(
  series: SeriesInput,
  config: PipelineConfig,
  split: ChronologicalSplit,
): PipelineState {
  const trainEnd = split.train.end
  const fitTransform = (values: ArrayLike<number>) =>
    TargetTransform.fit(valuesBefore(values, trainEnd), {
      kind: config.transforms.scaling,
      log: config.transforms.log,
      difference: config.transforms.difference,
      period: periodOf(series),
    }).toJSON()
  const fitScaler = (values: ArrayLike<number>) =>
    Scaler.fit(valuesBefore(values, trainEnd), { kind: 'zscore' }).toJSON()
  const past = series.pastCovariates ?? []
  const future = series.futureCovariates ?? []
  const names = (columns: { name: string }[]) => columns.map((column) => column.name)
  return {
    config: structuredClone(config),
    period: periodOf(series),
    spec: networkSpec({
      ...config,
      targets: names(series.targets),
      pastCovariates: names(past),
      futureCovariates: names(future),
    }),
    targets: series.targets.map((target) => {
      const transform = fitTransform(target.values)
      return {
        name: target.name,
        transform,
        ...floorOf(target.values, trainEnd),
        ...(config.targetMode === 'etsResidual'
          ? { etsBase: etsBaseOf(target.values, transform, trainEnd, periodOf(series)) }
          : {}),
        ...(usesCompanions(config.combination)
          ? { companions: fitCompanions(target.values, trainEnd, periodOf(series)) }
          : {}),
      }
    }),
    pastScalers: past.map((c) => fitScaler(c.values)),
    futureScalers: future.map((c) => fitScaler(c.values)),
    pastNames: names(past),
    futureNames: names(future),
  }
}

/** The ETS model an ETS-residual network corrects, fitted on the training part on the network's scale. */
function etsBaseOf(values: ArrayLike<number>, json: TargetTransformJSON, trainEnd: number, m: number) {
  const transform = TargetTransform.fromJSON(json)
  const z = transform.transform(values).subarray(0, Math.max(0, trainEnd - transform.lag))
  return fitEtsBase(z, m)
}

function floorOf(values: ArrayLike<number>, trainEnd: number): { lowerBound?: number } {
  const lowerBound = lowerBoundOf(valuesBefore(values, trainEnd))
  return lowerBound === undefined ? {} : { lowerBound }
}

export function checkSeries(series: SeriesInput, config: PipelineConfig): void {
  checkTargets(series)
  const n = seriesLength(series)
  for (const covariate of [...(series.pastCovariates ?? []), ...(series.futureCovariates ?? [])]) {
    if (covariate.values.length < n)
      throw new RangeError(`covariate "${covariate.name}" has ${covariate.values.length} values, target ${n}`)
  }
  checkCalendarSource(series, calendarOf(config))
  if (config.strategy === 'recursive' && (series.pastCovariates ?? []).length > 0)
    throw new RangeError('the recursive strategy cannot roll past covariates forward; use direct')
}

/** `fixedState` keeps an earlier fit's transforms (fine-tuning on grown data). */
export function prepare(series: SeriesInput, config: PipelineConfig, fixedState?: PipelineState): Prepared {
  validateConfig(config)
  checkSeries(series, config)
  const split = chronologicalSplit(seriesLength(series), config.split)
  const state = fixedState
    ? { ...fixedState, config: structuredClone(config) }
    : fitState(series, config, split)
  const zc = toZColumns(state, series)
  const bases = residualBasesOf(state)
  const shape: InputShape = { lookback: config.lookback, outputs: stepsPerCall(config) }
  const first = firstOrigin(config.lookback, config.targetMode, state.period)
  const trainEnd = split.train.end - zc.lag
  const validationEnd = split.validation.end - zc.lag
  const trainOrigins = originRange(first, trainEnd, shape.outputs, config.stride)
  if (trainOrigins.length === 0)
    throw new RangeError(
      `no complete training window: lookback ${config.lookback} + horizon ${shape.outputs} need more than ` +
        `the ${split.train.end} training observations (shorten lookback or horizon, or shrink validation/test)`,
    )
  // Validation windows straddle the split: origins from H − 1 steps before it, scored only on
  // validation targets, so every horizon step sees every validation point. Starting at the split
  // would score step 1 on V points and step H on one, judging a long-horizon forecast by its first steps.
  const validationOrigins =
    validationEnd > trainEnd
      ? originRange(Math.max(first, trainEnd - shape.outputs + 1), validationEnd, 1, 1)
      : []
  const zs = zc.columns.slice(0, zc.targets)
  return {
    state,
    zc,
    split,
    shape,
    trainOrigins,
    validationOrigins,
    train: {
      x: buildInputs(zc, shape, trainOrigins),
      y: buildTargetsOf(zs, trainOrigins, shape.outputs, bases),
    },
    validation: {
      x: buildInputs(zc, shape, validationOrigins),
      y: buildTargetsOf(zs, validationOrigins, shape.outputs, bases, validationEnd, trainEnd),
    },
  }
}
