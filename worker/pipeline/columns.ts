import { Scaler, TargetTransform } from '../statistics/index'
import { calendarColumns, calendarOf } from './calendar'
import { seriesLength, targetTransforms, targetValues } from './targets'
import { isResidualMode } from './target-mode'
import type { NamedSeries, PipelineState, SeriesInput } from './types'

/**
 * The series on the network's scale ("z-space"): the transformed targets, then their seasonal
 * difference channels (seasonal-residual mode only), then scaled past and future covariates,
 * then the calendar features (known-future, like future covariates, and read the same way).
 * With differencing every column starts `lag` observations late, so z index i is original i + lag.
 */
export interface ZColumns {
  columns: Float64Array[]
  /** Columns 0 … targets − 1 are the targets in the model's order; in residual mode their difference channels follow. */
  targets: number
  lag: number
  pastIndices: number[]
  futureIndices: number[]
}

/** z_t − z_{t−m}: tells a residual learner how far the present is from one season ago. */
export function seasonalDifferenceChannel(z: ArrayLike<number>, m: number): Float64Array {
  const out = new Float64Array(z.length)
  for (let t = m; t < z.length; t++) out[t] = z[t] - z[t - m]
  return out
}

export function usesDifferenceChannel(state: Pick<PipelineState, 'config' | 'period'>): boolean {
  return isResidualMode(state.config.targetMode)
}

function scaledCovariate(scaler: ReturnType<typeof Scaler.fromJSON>, covariate: NamedSeries, lag: number) {
  return scaler.transform(covariate.values).subarray(lag)
}

export function toZColumns(state: PipelineState, series: SeriesInput): ZColumns {
  const transforms = targetTransforms(state).map((json) => TargetTransform.fromJSON(json))
  const values = targetValues(series)
  if (values.length !== transforms.length)
    throw new RangeError(`the model forecasts ${transforms.length} targets, the series has ${values.length}`)
  // Every target shares the configuration, hence the lag.
  const lag = transforms[0].lag
  const zs = transforms.map((transform, t) =>
    transform.transform(values[t]).subarray(0, seriesLength(series) - lag),
  )
  const columns: Float64Array[] = [...zs]
  if (usesDifferenceChannel(state))
    for (const z of zs) columns.push(seasonalDifferenceChannel(z, state.period))
  const past = series.pastCovariates ?? []
  const future = series.futureCovariates ?? []
  if (past.length !== state.pastScalers.length || future.length !== state.futureScalers.length)
    throw new RangeError(
      `the model needs ${state.pastScalers.length} past and ${state.futureScalers.length} future covariates`,
    )
  const pastIndices = past.map((covariate, i) => {
    columns.push(scaledCovariate(Scaler.fromJSON(state.pastScalers[i]), covariate, lag))
    return columns.length - 1
  })
  const futureIndices = future.map((covariate, i) => {
    columns.push(scaledCovariate(Scaler.fromJSON(state.futureScalers[i]), covariate, lag))
    return columns.length - 1
  })
  // Already in [−1, 1]: no scaler. They run `horizon` steps past the data so forecasts ahead read real dates.
  for (const column of calendarColumns(calendarOf(state.config), series, state.config.horizon)) {
    columns.push(column.subarray(lag))
    futureIndices.push(columns.length - 1)
  }
  return { columns, targets: zs.length, lag, pastIndices, futureIndices }
}

/** Input channels read at every lookback step (target, difference channel, past covariates). */
export function pastChannels(zc: ZColumns): number[] {
  const first = zc.columns.length - zc.pastIndices.length - zc.futureIndices.length
  return [...Array.from({ length: first }, (_, i) => i), ...zc.pastIndices]
}
