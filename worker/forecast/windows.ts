import type { Frequency } from '../timeseries/frequency'
import { futureTimestamps } from '../timeseries/calendar'
import { calendarFeatureNames, writeCalendarFeatures, type CalendarFeature } from './calendarFeatures'

/**
 * Sliding windows for direct multi-horizon training.
 *
 * For a window with origin o (index of the first forecast step), lookback L and horizon H:
 * - input step j = 0..L−1 describes time τ = o − L + j and holds, in this order:
 *   [targets at τ] [past covariates at τ] [future covariates at τ + H] [calendar features of τ + H];
 * - Y holds the H future values of every target, target-major: y[i, t·H + k] = target_t at o + k.
 * Known-future inputs (future covariates, calendar) are therefore shifted forward by H: the last H
 * input steps carry exactly the covariate values of the H forecast steps, and nothing after o + H − 1
 * is ever read. With L < H the earliest horizon steps' covariates are not visible (L ≥ H recommended).
 */

export interface WindowSeries {
  /** Column-major values: columns[c][t]. */
  columns: ArrayLike<number>[]
  /** Needed only for calendar features. */
  timestamps?: ArrayLike<number> | null
  /** Needed only to extend timestamps past the end when building a forecast input. */
  frequency?: Frequency
}

export interface WindowOptions {
  lookback: number
  horizon: number
  /** Distance between consecutive origins (default 1). */
  stride?: number
  targets: number[]
  pastCovariates?: number[]
  futureCovariates?: number[]
  calendar?: CalendarFeature[]
  /** Smallest allowed origin (default lookback); use it to keep windows inside a split. */
  firstOrigin?: number
  /** Largest allowed origin + horizon, exclusive end of the data a window may read (default n). */
  end?: number
  precision?: 'float32' | 'float64'
}

export interface Windows {
  /** [count, lookback, features] */
  x: Float32Array | Float64Array
  /** [count, horizon · targets], target-major. */
  y: Float32Array | Float64Array
  /** Origin index (first forecast step) of each window. */
  origins: Int32Array
  count: number
  lookback: number
  horizon: number
  features: number
  featureNames: string[]
}

function allocate(precision: WindowOptions['precision'], size: number): Float32Array | Float64Array {
  return precision === 'float64' ? new Float64Array(size) : new Float32Array(size)
}

export function windowFeatureNames(options: WindowOptions): string[] {
  const name = (prefix: string) => (c: number) => `${prefix}${c}`
  return [
    ...options.targets.map(name('target')),
    ...(options.pastCovariates ?? []).map(name('past')),
    ...(options.futureCovariates ?? []).map(name('future')),
    ...calendarFeatureNames(options.calendar ?? []),
  ]
}

/** Reads value/timestamp at any index, including the future part supplied for forecasting. */
interface Source {
  value(column: number, t: number): number
  timestamp(t: number): number
}

function writeInputs(
  source: Source,
  options: WindowOptions,
  origin: number,
  x: Float32Array | Float64Array,
  offset: number,
): void {
  const { lookback: L, horizon: H } = options
  const past = [...options.targets, ...(options.pastCovariates ?? [])]
  const future = options.futureCovariates ?? []
  const calendar = options.calendar ?? []
  const width = past.length + future.length + 2 * calendar.length
  for (let j = 0; j < L; j++) {
    const tau = origin - L + j
    let p = offset + j * width
    for (const c of past) x[p++] = source.value(c, tau)
    for (const c of future) x[p++] = source.value(c, tau + H)
    if (calendar.length > 0) writeCalendarFeatures(calendar, source.timestamp(tau + H), x, p)
  }
}

function checkOptions(options: WindowOptions): void {
  const { lookback, horizon } = options
  if (!Number.isInteger(lookback) || lookback < 1)
    throw new RangeError(`lookback must be a positive integer, got ${lookback}`)
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new RangeError(`horizon must be a positive integer, got ${horizon}`)
  if (options.targets.length === 0) throw new RangeError('at least one target column is required')
}

function seriesSource(series: WindowSeries): Source {
  return {
    value: (c, t) => series.columns[c][t],
    timestamp: (t) => {
      if (!series.timestamps) throw new Error('calendar features need timestamps')
      return series.timestamps[t]
    },
  }
}

/** Every complete window whose inputs and targets lie in [firstOrigin − lookback, end). */
export function makeWindows(series: WindowSeries, options: WindowOptions): Windows {
  checkOptions(options)
  const { lookback: L, horizon: H } = options
  const n = series.columns[0]?.length ?? 0
  const stride = options.stride ?? 1
  const first = Math.max(options.firstOrigin ?? L, L)
  const end = Math.min(options.end ?? n, n)
  const origins: number[] = []
  for (let o = first; o + H <= end; o += stride) origins.push(o)
  const featureNames = windowFeatureNames(options)
  const F = featureNames.length
  const T = options.targets.length
  const x = allocate(options.precision, origins.length * L * F)
  const y = allocate(options.precision, origins.length * H * T)
  const source = seriesSource(series)
  origins.forEach((o, i) => {
    writeInputs(source, options, o, x, i * L * F)
    options.targets.forEach((c, t) => {
      for (let k = 0; k < H; k++) y[i * H * T + t * H + k] = series.columns[c][o + k]
    })
  })
  return {
    x,
    y,
    origins: Int32Array.from(origins),
    count: origins.length,
    lookback: L,
    horizon: H,
    features: F,
    featureNames,
  }
}

/**
 * The single input [1, L, F] for forecasting after the last observation (origin n). Future
 * covariates must be given for the H forecast steps: futureValues[i][k] = futureCovariates[i] at n + k.
 */
export function makeForecastInput(
  series: WindowSeries,
  options: WindowOptions,
  futureValues: ArrayLike<number>[] = [],
): Float32Array | Float64Array {
  checkOptions(options)
  const n = series.columns[0]?.length ?? 0
  const { lookback: L, horizon: H } = options
  if (n < L) throw new RangeError(`need at least lookback = ${L} observations, got ${n}`)
  const future = options.futureCovariates ?? []
  if (futureValues.length !== future.length || futureValues.some((v) => v.length < H)) {
    throw new RangeError(`expected ${H} future values for each of the ${future.length} future covariates`)
  }
  const base = seriesSource(series)
  let extraTimes: Float64Array | null = null
  const source: Source = {
    value: (c, t) => (t < n ? base.value(c, t) : futureValues[future.indexOf(c)][t - n]),
    timestamp: (t) => {
      if (t < n) return base.timestamp(t)
      if (!series.frequency || !series.timestamps)
        throw new Error('calendar features after the end need timestamps and a frequency')
      extraTimes ??= futureTimestamps(series.timestamps[n - 1], series.frequency, H)
      return extraTimes[t - n]
    },
  }
  const x = allocate(options.precision, L * windowFeatureNames(options).length)
  writeInputs(source, options, n, x, 0)
  return x
}
