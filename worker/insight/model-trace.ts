import { inspectWindow } from '../engine/index'
import type { WindowTrace } from '../engine/index'
import { prepare } from '../pipeline/index'
import type { PipelineState, SeriesInput } from '../pipeline/index'
import { buildInputs, buildTargetsOf } from '../pipeline/inputs'
import { membersOf } from '../pipeline/predict'
import { residualBasesOf } from '../pipeline/residual-base'
import type { FlowWindows } from './gradient-flow'

export interface ModelWindowTrace extends WindowTrace {
  /** Index in the original series of the first forecast step of the window (its origin). */
  origin: number
  lookback: number
  /** Original-series index of each input step. */
  inputIndices: number[]
}

/**
 * What the trained network does over one window of the user's data: every gate, the cell
 * state and the hidden state per step and unit, and how much gradient reaches each step.
 * The window is built exactly as in training (same transforms); the first ensemble member
 * is shown.
 */
export function traceModelWindow(
  state: PipelineState,
  params: Float32Array | Float64Array,
  series: SeriesInput,
  requestedOrigin?: number,
): ModelWindowTrace {
  const prepared = prepare(series, state.config, state)
  const { zc, shape } = prepared
  const z = zc.columns[0] as Float64Array
  const lastFull = z.length - shape.outputs
  const earliest = Math.max(...prepared.trainOrigins.slice(0, 1), shape.lookback)
  const zOrigin = Math.min(lastFull, Math.max(earliest, (requestedOrigin ?? lastFull + zc.lag) - zc.lag))
  const x = buildInputs(zc, shape, [zOrigin])
  const y = buildTargetsOf(zc.columns.slice(0, zc.targets), [zOrigin], shape.outputs, residualBasesOf(state))
  const member = membersOf(params, state.spec)[0] ?? params
  const trace = inspectWindow(state.spec, member, x, y, state.config.loss)
  const origin = zOrigin + zc.lag
  return {
    ...trace,
    origin,
    lookback: shape.lookback,
    inputIndices: Array.from({ length: shape.lookback }, (_, j) => origin - shape.lookback + j),
  }
}

/** The model's own training windows, for the RNN-against-LSTM comparison on the user's data. */
/** Windows a comparison needs so that memory can matter: this long where the series allows. */
const COMPARISON_STEPS = 48

/**
 * The model's training windows for the RNN/LSTM comparison, lengthened towards 48 steps where
 * the training part allows (at least two windows per step of length): over a short lookback
 * every cell remembers enough, and the comparison would show nothing.
 */
export function comparisonWindowsOf(state: PipelineState, series: SeriesInput): FlowWindows {
  const n = series.targets[0]?.values.length ?? 0
  const longest = Math.floor(n / 3)
  const lookback = Math.max(state.config.lookback, Math.min(COMPARISON_STEPS, longest))
  if (lookback === state.config.lookback) return trainingWindowsOf(state, series)
  try {
    return trainingWindowsOf({ ...state, config: { ...state.config, lookback } }, series)
  } catch {
    // The split leaves no window that long: the model's own windows it is.
    return trainingWindowsOf(state, series)
  }
}

export function trainingWindowsOf(state: PipelineState, series: SeriesInput, limit = 256): FlowWindows {
  const prepared = prepare(series, state.config, state)
  const count = Math.min(limit, prepared.trainOrigins.length)
  const features = state.spec.inputSize
  const outputs = state.spec.outputSize
  const steps = prepared.shape.lookback
  const start = prepared.trainOrigins.length - count
  return {
    x: Float64Array.from(Array.prototype.slice.call(prepared.train.x, start * steps * features) as number[]),
    y: Float64Array.from(Array.prototype.slice.call(prepared.train.y, start * outputs) as number[]),
    count,
    steps,
    features,
    outputs,
  }
}
