import { baseForecasts, type ResidualBase } from './residual-base'
import { baseHistory } from './target-mode'
import type { TargetMode } from './types'
import { pastChannels, type ZColumns } from './columns'

/**
 * Network inputs and targets at arbitrary origins (index of the first forecast step, z-space).
 * Input step j describes τ = origin − L + j: the past channels at τ, then the known-future
 * channels (future covariates, calendar features) at τ + outputs, so the last `outputs` input
 * steps carry exactly the known-future values of the forecast steps and nothing after them is
 * read. Future covariates asked for past the end of the data repeat the last value (calendar
 * columns already run past it).
 */

export interface InputShape {
  lookback: number
  /** Steps the network predicts at once: the horizon (direct) or 1 (recursive). */
  outputs: number
}

export function inputWidth(zc: ZColumns): number {
  return zc.columns.length
}

function valueAt(column: ArrayLike<number>, t: number): number {
  return column[Math.min(t, column.length - 1)]
}

export function writeInput(
  columns: ArrayLike<number>[],
  zc: ZColumns,
  shape: InputShape,
  origin: number,
  x: Float32Array | Float64Array,
  offset: number,
): void {
  const past = pastChannels(zc)
  let p = offset
  for (let j = 0; j < shape.lookback; j++) {
    const tau = origin - shape.lookback + j
    for (const c of past) x[p++] = columns[c][tau]
    for (const c of zc.futureIndices) x[p++] = valueAt(columns[c], tau + shape.outputs)
  }
}

export function buildInputs(zc: ZColumns, shape: InputShape, origins: ArrayLike<number>): Float64Array {
  const width = shape.lookback * inputWidth(zc)
  const x = new Float64Array(origins.length * width)
  for (let i = 0; i < origins.length; i++) writeInput(zc.columns, zc, shape, origins[i], x, i * width)
  return x
}

/**
 * What the network is trained to output at each origin: z levels, or their difference from the
 * residual base's forecast. Steps before `from` or at/after `limit` are NaN (partial validation windows).
 */
export function buildTargets(
  z: ArrayLike<number>,
  origins: ArrayLike<number>,
  outputs: number,
  base: ResidualBase | null,
  limit = z.length,
  from = 0,
): Float64Array {
  const y = new Float64Array(origins.length * outputs)
  const baselines = base ? baseForecasts(base, z, origins, outputs) : null
  for (let i = 0; i < origins.length; i++) {
    const o = origins[i]
    const baseline = baselines ? baselines[i] : null
    for (let k = 0; k < outputs; k++) {
      y[i * outputs + k] = o + k >= from && o + k < limit ? z[o + k] - (baseline ? baseline[k] : 0) : NaN
    }
  }
  return y
}

/** buildTargets for every target, target-major per window: y[i, t·outputs + k] (the head's layout). */
export function buildTargetsOf(
  zs: ArrayLike<number>[],
  origins: ArrayLike<number>,
  outputs: number,
  bases: (ResidualBase | null)[],
  limit = Infinity,
  from = 0,
): Float64Array {
  const width = zs.length * outputs
  const y = new Float64Array(origins.length * width)
  zs.forEach((z, t) => {
    const own = buildTargets(z, origins, outputs, bases[t] ?? null, Math.min(limit, z.length), from)
    for (let i = 0; i < origins.length; i++)
      y.set(own.subarray(i * outputs, (i + 1) * outputs), i * width + t * outputs)
  })
  return y
}

/** Origins first, first + stride, … whose `outputs` targets all lie before `end`. */
export function originRange(first: number, end: number, outputs: number, stride: number): number[] {
  const origins: number[] = []
  for (let o = first; o + outputs <= end; o += stride) origins.push(o)
  return origins
}

/** Smallest origin with a full lookback and whatever history the residual base reads (a season for seasonal naive). */
export function firstOrigin(lookback: number, mode: TargetMode, m: number): number {
  return Math.max(lookback, baseHistory(mode, m))
}
