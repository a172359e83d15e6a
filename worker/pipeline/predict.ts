import { paramCount, type Backend } from '../engine/index'
import { TargetTransform } from '../statistics/index'
import { usesDifferenceChannel, type ZColumns } from './columns'
import { buildInputs, inputWidth, writeInput, type InputShape } from './inputs'
import { BaseCursor, baseForecasts, residualBasesOf } from './residual-base'
import { isResidualMode } from './target-mode'
import { combineForecast, usesCompanions } from './combination'
import { targetTransforms } from './targets'
import type { PipelineState } from './types'

export interface Predictor {
  backend: Backend
  /** One or more members' weights back to back; their outputs are averaged. */
  params: Float32Array | Float64Array
  state: PipelineState
}

/** Each ensemble member's weights as views into the concatenated array. */
export function membersOf(params: Float32Array | Float64Array, spec: PipelineState['spec']) {
  const size = paramCount(spec)
  if (params.length === 0 || params.length % size !== 0)
    throw new RangeError(`${params.length} weights are not a whole number of ${size}-weight networks`)
  return Array.from({ length: params.length / size }, (_, i) => params.subarray(i * size, (i + 1) * size))
}

function shapeOf(state: PipelineState): InputShape {
  const direct = state.config.strategy === 'direct'
  return { lookback: state.config.lookback, outputs: direct ? state.config.horizon : 1 }
}

function forward(predictor: Predictor, x: Float64Array, count: number, lookback: number): Float64Array {
  const { backend, params, state } = predictor
  const outputs = state.spec.outputSize
  const input = params instanceof Float32Array ? Float32Array.from(x) : x
  const out =
    params instanceof Float32Array ? new Float32Array(count * outputs) : new Float64Array(count * outputs)
  const mean = new Float64Array(count * outputs)
  if (count === 0) return mean
  const members = membersOf(params, state.spec)
  for (const member of members) {
    backend.forward(member, input, count, lookback, out)
    for (let i = 0; i < mean.length; i++) mean[i] += out[i] / members.length
  }
  return mean
}

/** Raw network outputs (levels or residuals, z scale) at each origin, direct strategy. */
export function rawOutputs(predictor: Predictor, zc: ZColumns, origins: ArrayLike<number>): Float64Array {
  const shape = shapeOf(predictor.state)
  return forward(predictor, buildInputs(zc, shape, origins), origins.length, shape.lookback)
}

/** Level forecasts per origin and target ([origin][target]), z scale, direct strategy. */
function directLevels(
  predictor: Predictor,
  zc: ZColumns,
  origins: number[],
  steps: number,
): Float64Array[][] {
  const { state } = predictor
  const H = state.config.horizon
  if (steps > H) throw new RangeError(`a direct model forecasts at most ${H} steps, asked for ${steps}`)
  const raw = rawOutputs(predictor, zc, origins)
  const bases = residualBasesOf(state)
  const weight = isResidualMode(state.config.targetMode) ? state.config.residualWeight : 1
  const T = zc.targets
  // Every target's base from every origin, one walk per target.
  const baselines = bases.map((base, t) => (base ? baseForecasts(base, zc.columns[t], origins, steps) : null))
  return origins.map((_, i) =>
    Array.from({ length: T }, (_, t) => {
      const base = baselines[t]?.[i] ?? null
      const out = (i * T + t) * H
      return Float64Array.from({ length: steps }, (_, k) => weight * raw[out + k] + (base ? base[k] : 0))
    }),
  )
}

/** Local copies of every column around one origin, with room for the rolled-out predictions. */
function localColumns(zc: ZColumns, origin: number, start: number, steps: number): Float64Array[] {
  return zc.columns.map((column) => {
    const local = new Float64Array(origin - start + steps + 1)
    local.set(column.subarray(start, Math.min(column.length, start + local.length)))
    for (let t = Math.min(column.length, start + local.length) - start; t < local.length; t++)
      local[t] = local[Math.max(0, t - 1)]
    return local
  })
}

/** One-step model rolled out: each step predicts every target, and they become the next step's inputs. */
function recursiveLevels(
  predictor: Predictor,
  zc: ZColumns,
  origins: number[],
  steps: number,
): Float64Array[][] {
  const { state } = predictor
  const m = state.period
  const shape = shapeOf(state)
  const bases = residualBasesOf(state)
  const T = zc.targets
  const start = (o: number) => Math.max(0, o - shape.lookback - m)
  const locals = origins.map((o) => localColumns(zc, o, start(o), steps))
  // Each origin's base walks its local window, after the history that precedes the window.
  const cursors = origins.map((o) =>
    bases.map((base, t) => (base ? new BaseCursor(base, { values: zc.columns[t], end: start(o) }) : null)),
  )
  const width = shape.lookback * inputWidth(zc)
  const x = new Float64Array(origins.length * width)
  for (let k = 0; k < steps; k++) {
    origins.forEach((o, i) => writeInput(locals[i], zc, shape, o - start(o) + k, x, i * width))
    const raw = forward(predictor, x, origins.length, shape.lookback)
    origins.forEach((o, i) => {
      const t = o - start(o) + k
      for (let target = 0; target < T; target++) {
        const z = locals[i][target]
        const out = raw[i * T + target]
        const cursor = cursors[i][target]
        z[t] = cursor ? state.config.residualWeight * out + cursor.forecast(z, t, 1)[0] : out
        if (usesDifferenceChannel(state)) locals[i][T + target][t] = t >= m ? z[t] - z[t - m] : 0
      }
    })
  }
  return origins.map((o, i) =>
    Array.from({ length: T }, (_, target) => locals[i][target].slice(o - start(o), o - start(o) + steps)),
  )
}

/** Level forecasts on the z scale for `steps` steps after each origin, every target: [origin][target]. */
export function predictZ(
  predictor: Predictor,
  zc: ZColumns,
  origins: number[],
  steps: number,
): Float64Array[][] {
  return predictor.state.config.strategy === 'direct'
    ? directLevels(predictor, zc, origins, steps)
    : recursiveLevels(predictor, zc, origins, steps)
}

/** Every target's forecasts in original units ([origin][target]), each from the raw history before its origin. */
export function predictOriginalAll(
  predictor: Predictor,
  zc: ZColumns,
  targets: ArrayLike<number>[],
  origins: number[],
  steps: number,
): Float64Array[][] {
  const transforms = targetTransforms(predictor.state).map((json) => TargetTransform.fromJSON(json))
  const histories = targets.map((values) => Float64Array.from(values))
  return predictZ(predictor, zc, origins, steps).map((perTarget, i) =>
    perTarget.map((z, t) => {
      const history = histories[t].subarray(0, origins[i] + zc.lag)
      return combined(predictor.state, t, transforms[t].inverseForecast(z, history), history)
    }),
  )
}

/**
 * The network's forecast of target `which`, combined with its companions where the model has
 * them, and raised to the target's floor where it fell below (a series never negative in training
 * gets no negative forecast: a trend extrapolated over a long horizon can cross 0, and the
 * interval lower bounds are floored at the same value, so the band keeps its forecast inside).
 */
function combined(state: PipelineState, which: number, network: Float64Array, history: Float64Array) {
  const weights = state.config.combination
  const forecast = usesCompanions(weights)
    ? combineForecast(network, history, state.targets[which].companions, weights)
    : network
  const floor = state.targets[which].lowerBound
  return floor === undefined ? forecast : forecast.map((value) => Math.max(floor, value))
}

/**
 * Target `which`'s forecasts in original units, each made from the raw history before its
 * origin; `target` is that target's raw values.
 */
export function predictOriginal(
  predictor: Predictor,
  zc: ZColumns,
  target: ArrayLike<number>,
  origins: number[],
  steps: number,
  which: number,
): Float64Array[] {
  const transform = TargetTransform.fromJSON(targetTransforms(predictor.state)[which])
  const values = Float64Array.from(target)
  return predictZ(predictor, zc, origins, steps).map((perTarget, i) => {
    const history = values.subarray(0, origins[i] + zc.lag)
    return combined(predictor.state, which, transform.inverseForecast(perTarget[which], history), history)
  })
}
