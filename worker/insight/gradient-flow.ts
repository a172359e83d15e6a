import { inspectWindow } from '../engine/index'
import { inProcessTrainer } from '../training/in-process-trainer'
import { plainTrainSettings } from '../training/settings'
import { startingWeights } from '../training/starting-weights'
import type { CellType, ModelSpec } from '../engine/index'

export interface FlowWindows {
  /** [N, steps, features] flattened. */
  x: Float64Array | Float32Array
  /** [N, outputs] flattened. */
  y: Float64Array | Float32Array
  count: number
  steps: number
  features: number
  outputs: number
}

export interface GradientFlowOptions {
  units: number
  layers: number
  /** 0 measures the network at its initialisation. */
  epochs: number
  batchSize?: number
  learningRate?: number
  seed: number
  /** How many windows (from the start of the set) the curve is averaged over. */
  probeWindows?: number
}

export interface GradientFlowCurve {
  cell: CellType
  /** Mean over probe windows of ‖∂loss/∂h_t‖ of the FIRST layer, t = 0 … steps−1. */
  gradNorm: number[]
  /** NaN at initialisation (nothing was trained). */
  finalTrainLoss: number
}

function specFor(cell: CellType, data: FlowWindows, options: GradientFlowOptions): ModelSpec {
  return {
    inputSize: data.features,
    outputSize: data.outputs,
    layers: Array.from({ length: options.layers }, () => ({ cell, units: options.units, dropout: 0 })),
  }
}

/** The network's weights after `options.epochs` epochs (its starting weights for 0), and its last loss. */
async function weightsAfter(spec: ModelSpec, data: FlowWindows, options: GradientFlowOptions) {
  if (options.epochs === 0) return { params: startingWeights(spec, options.seed), loss: Number.NaN }
  const batchSize = options.batchSize ?? 32
  const trained = await inProcessTrainer({
    role: { stage: 'train', member: 1, members: 1 },
    settings: plainTrainSettings(
      { spec, lookback: data.steps, batchSize, epochs: options.epochs, seed: options.seed },
      { optimizer: { name: 'adam', lr: options.learningRate ?? 1e-2 } },
    ),
    windows: { inputSize: data.features, outputSize: data.outputs, train: { x: data.x, y: data.y } },
  })
  // Trained without validation, the kept weights are the epoch with the lowest training loss.
  return { params: trained.params, loss: trained.trainLoss[trained.bestEpoch] ?? Number.NaN }
}

/**
 * Trains a network of the given cell on the windows for a few epochs (or leaves it at its
 * initialisation), then measures how much of the loss's gradient reaches each time step of the
 * window. A plain tanh RNN's curve collapses towards the start of the window (the vanishing
 * gradient); an LSTM's additive cell-state path keeps it alive — the reason it remembers long lags.
 */
export async function gradientFlow(
  cell: CellType,
  data: FlowWindows,
  options: GradientFlowOptions,
): Promise<GradientFlowCurve> {
  const spec = specFor(cell, data, options)
  const { params, loss } = await weightsAfter(spec, data, options)
  const probes = Math.min(options.probeWindows ?? 16, data.count)
  const sum = new Float64Array(data.steps)
  const windowSize = data.steps * data.features
  for (let w = 0; w < probes; w++) {
    const x = data.x.subarray(w * windowSize, (w + 1) * windowSize)
    const y = data.y.subarray(w * data.outputs, (w + 1) * data.outputs)
    const norms = inspectWindow(spec, Float64Array.from(params), x, y).layers[0]?.hiddenGradNorm ?? []
    norms.forEach((norm, t) => (sum[t] = (sum[t] ?? 0) + norm))
  }
  return { cell, gradNorm: Array.from(sum, (total) => total / probes), finalTrainLoss: loss }
}

/** A cell's gradient flow at one stage, averaged over seeds. */
export interface DecayCurve extends GradientFlowCurve {
  stage: 'initial' | 'trained'
  /** gradNorm[t] / gradNorm[last]: how much of the last step's gradient reaches step t. */
  relative: number[]
  seeds: number
}

/** Each step's share of the last step's gradient (the decay the lesson is about, free of scale). */
export function relativeToLast(gradNorm: number[]): number[] {
  const last = gradNorm[gradNorm.length - 1] ?? Number.NaN
  return gradNorm.map((value) => (last > 0 ? value / last : Number.NaN))
}

async function averagedFlow(
  cell: CellType,
  stage: DecayCurve['stage'],
  data: FlowWindows,
  options: GradientFlowOptions,
  seeds: number[],
): Promise<DecayCurve> {
  const epochs = stage === 'initial' ? 0 : options.epochs
  const runs: GradientFlowCurve[] = []
  for (const seed of seeds) runs.push(await gradientFlow(cell, data, { ...options, epochs, seed }))
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
  const gradNorm = Array.from({ length: data.steps }, (_, t) => mean(runs.map((run) => run.gradNorm[t] ?? 0)))
  return {
    cell,
    stage,
    gradNorm,
    relative: relativeToLast(gradNorm),
    finalTrainLoss: mean(runs.map((run) => run.finalTrainLoss)),
    seeds: seeds.length,
  }
}

/** Seeds a comparison averages over: one network's curve depends on its draw more than the lesson does. */
export const COMPARISON_SEEDS = 3

/**
 * The one-click comparison: a tanh RNN and an LSTM of the same size on the same windows, each at
 * initialisation and after training, every curve the mean over several seeds. What the course
 * compares is the decay — each curve relative to its own last step — not the raw sizes.
 */
export async function compareGradientFlow(
  data: FlowWindows,
  options: GradientFlowOptions,
  seedCount = COMPARISON_SEEDS,
): Promise<DecayCurve[]> {
  const seeds = Array.from({ length: seedCount }, (_, i) => options.seed + i)
  const curves: DecayCurve[] = []
  for (const cell of ['rnn', 'lstm'] as const)
    for (const stage of ['initial', 'trained'] as const)
      curves.push(await averagedFlow(cell, stage, data, options, seeds))
  return curves
}
