import { forecastRun, type ForecastRunResult, type RunPlan } from '../pipeline/index'
import type { PipelineState, SeriesInput } from '../pipeline/index'
import { trainerOverPort } from '../training/port-trainer'
import type { RpcPort } from '../threads/port-rpc'
import { compareGradientFlow } from '../insight/gradient-flow'
import { comparisonWindowsOf, traceModelWindow } from '../insight/model-trace'
import { longLagWindows } from '../insight/long-lag-series'
import { runPanel, type PanelRunOptions, type PanelRunResult } from '../panel/panel-run'
import { companionsOverPort } from '../panel/companions-port'
import type { PanelInput } from '../panel/types'

export interface ForecastRunTask {
  series: SeriesInput
  plan: RunPlan
  /** Where training requests go: the main thread's pool answers on the other end. */
  port: RpcPort
}

/**
 * Piscina entry of the run thread. A whole forecasting run (the pipeline: windows, judging,
 * baselines with ETS, backtests, the final fit) takes seconds of CPU that must not stall the
 * main process; its networks train on the pool, reached through the task's port.
 */
export default function runForecast(task: ForecastRunTask): Promise<ForecastRunResult> {
  return forecastRun(task.series, task.plan, { trainer: trainerOverPort(task.port) })
}

export interface PanelRunTask {
  input: PanelInput
  options: Omit<PanelRunOptions, 'trainer' | 'onEpoch' | 'companions'>
  /** Where its networks train and its ETS and Theta are fitted: the pool, through the main thread. */
  port: RpcPort
}

/**
 * A panel run (worker/panel/panel-run.ts) for the app: cleaning, windows, forecasting every series
 * and the combination take seconds on thousands of series, kept off the main process like a
 * single run; the global network's members train on the pool through the port, and ETS and Theta
 * are fitted there too.
 */
export function panelRun(task: PanelRunTask): Promise<PanelRunResult> {
  return runPanel(task.input, {
    ...task.options,
    trainer: trainerOverPort(task.port),
    companions: companionsOverPort(task.port),
  })
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
  example: 'model' | 'longMemory'
}

/** The long-memory example's windows: the target is the first of 48 noisy steps. */
const LONG_MEMORY = { windows: 128, steps: 48 }

/** The one-click comparison: tanh RNN against LSTM, same size, same windows (the user's, or the example's). */
export function compareCells(task: CompareTask) {
  const data =
    task.example === 'longMemory'
      ? longLagWindows(LONG_MEMORY.windows, LONG_MEMORY.steps, LONG_MEMORY.steps - 1, task.seed)
      : comparisonWindowsOf(task.state, task.series)
  const units = task.state.spec.layers[0]?.units ?? 16
  return compareGradientFlow(data, {
    units,
    layers: 1,
    epochs: task.epochs,
    seed: task.seed,
    probeWindows: 16,
  })
}
