import type { TrainOutcome } from '../pipeline/index'
import { chooseBackend, completeRun, prepare } from '../pipeline/index'
import type { PipelineResult, PipelineState, SeriesInput, TrainedRun } from '../pipeline/index'
import { judgeOnFolds } from '../pipeline/auto'
import { analyseTargets } from '../pipeline/evaluate'
import { predictOriginalAll } from '../pipeline/predict'
import { targetValues } from '../pipeline/targets'
import { compareGradientFlow } from '../insight/gradient-flow'
import { trainingWindowsOf, traceModelWindow } from '../insight/model-trace'

export interface EvaluateTask {
  series: SeriesInput
  state: PipelineState
  params: Float32Array
  outcome: Omit<TrainOutcome, 'params'>
}

/**
 * Judges a network the pool trained: validation analysis and conformal calibration, test
 * metrics beside the baselines (ETS included), the backtest and the forecast ahead. It runs
 * in a worker thread because ETS fitting and the backtest take seconds of CPU that must not
 * stall the main process.
 */
export interface Evaluated extends PipelineResult {
  /** Every target's one-step-ahead forecasts over train and validation (original units), in the model's target order. */
  fitted: FittedValues[]
}

export interface FittedValues {
  start: number
  values: number[]
}

export default async function evaluate(task: EvaluateTask): Promise<Evaluated> {
  const run = await trainedRunOf(task)
  const result = await completeRun(task.series, run)
  return { ...result, fitted: fittedValues(run, task.series) }
}

/** The pool's weights as the pipeline's trained run, scored on the validation part. */
async function trainedRunOf(task: EvaluateTask): Promise<TrainedRun> {
  const prepared = prepare(task.series, task.state.config, task.state)
  const chosen = await chooseBackend(task.state.spec, 'auto')
  const params = chosen.precision === 'float64' ? Float64Array.from(task.params) : task.params
  const predictor = { backend: chosen.backend, params, state: prepared.state }
  const analyses = analyseTargets(predictor, prepared, task.series)
  const outcome = { ...task.outcome, params }
  const timestamps = task.series.timestamps
  return {
    prepared,
    network: { backend: chosen.backend, precision: chosen.precision, outcome, members: [outcome] },
    predictor,
    validationScore: analyses[0].score,
    model: {
      state: prepared.state,
      params,
      calibrations: analyses.map((analysis) => analysis.calibration),
      frequency: task.series.frequency ?? null,
      lastTimestamp: timestamps && timestamps.length > 0 ? (timestamps[timestamps.length - 1] ?? null) : null,
    },
  }
}

export interface CandidateJudgement {
  /** Mean absolute validation error in original units, after the residual share was chosen. */
  validationScore: number
  /** The share of the residual correction kept (the configured one for a levels candidate). */
  residualWeight: number
}

/**
 * One candidate of an Auto run, judged the way the pipeline's Auto judges it (judgeOnFolds):
 * a residual candidate also gets the share of its correction that scores best on validation.
 * The app trains one network per candidate, so only the main fold is judged.
 */
export async function judgeCandidate(task: EvaluateTask): Promise<CandidateJudgement> {
  const judged = judgeOnFolds(task.series, await trainedRunOf(task), [])
  return {
    validationScore: judged.validationScore,
    residualWeight: judged.prepared.state.config.residualWeight,
  }
}

/** What the model would have said one step ahead at every point before the test part, per target. */
function fittedValues(run: TrainedRun, series: SeriesInput): FittedValues[] {
  const { prepared, predictor } = run
  const first = prepared.trainOrigins[0] ?? prepared.shape.lookback
  const end = prepared.split.test.start - prepared.zc.lag
  const origins = Array.from({ length: Math.max(0, end - first) }, (_, i) => first + i)
  const targets = targetValues(series)
  const forecasts = predictOriginalAll(predictor, prepared.zc, targets, origins, 1)
  return targets.map((_, t) => ({
    start: first + prepared.zc.lag,
    values: forecasts.map((perTarget) => perTarget[t]?.[0] ?? Number.NaN),
  }))
}

export interface TraceTask {
  state: PipelineState
  params: Float32Array | Float64Array
  series: SeriesInput
  origin?: number
}

/** "Inside the cell": one window replayed through the trained network (float64). */
export function traceWindow(task: TraceTask) {
  return traceModelWindow(task.state, task.params, task.series, task.origin)
}

export interface CompareTask {
  state: PipelineState
  series: SeriesInput
  epochs: number
  seed: number
}

/** The one-click comparison on the user's data: tanh RNN against LSTM, same size, same windows. */
export function compareCells(task: CompareTask) {
  const data = trainingWindowsOf(task.state, task.series)
  const units = task.state.spec.layers[0]?.units ?? 16
  return compareGradientFlow(data, {
    units,
    layers: 1,
    epochs: task.epochs,
    seed: task.seed,
    probeWindows: 16,
  })
}
