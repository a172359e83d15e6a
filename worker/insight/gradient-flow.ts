import { inspectWindow } from '../engine/index'
import { inProcessTrainer } from '../training/in-process-trainer'
import { plainTrainSettings } from '../training/settings'
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
  finalTrainLoss: number
}

/**
 * Trains a network of the given cell on the windows for a few epochs, then measures how
 * much of the loss's gradient reaches each time step of the window. A plain tanh RNN's
 * curve collapses towards the start of the window (the vanishing gradient); an LSTM's
 * additive cell-state path keeps it alive — the reason it remembers long lags.
 */
export async function gradientFlow(
  cell: CellType,
  data: FlowWindows,
  options: GradientFlowOptions,
): Promise<GradientFlowCurve> {
  const spec: ModelSpec = {
    inputSize: data.features,
    outputSize: data.outputs,
    layers: Array.from({ length: options.layers }, () => ({ cell, units: options.units, dropout: 0 })),
  }
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
  const probes = Math.min(options.probeWindows ?? 16, data.count)
  const sum = new Float64Array(data.steps)
  const windowSize = data.steps * data.features
  for (let w = 0; w < probes; w++) {
    const x = data.x.subarray(w * windowSize, (w + 1) * windowSize)
    const y = data.y.subarray(w * data.outputs, (w + 1) * data.outputs)
    const norms = inspectWindow(spec, Float64Array.from(trained.params), x, y).layers[0]?.hiddenGradNorm ?? []
    norms.forEach((norm, t) => (sum[t] = (sum[t] ?? 0) + norm))
  }
  return {
    cell,
    gradNorm: Array.from(sum, (total) => total / probes),
    finalTrainLoss: trained.trainLoss[trained.bestEpoch] ?? Number.NaN,
  }
}

/** The one-click comparison: the same data, size and seed for a tanh RNN and an LSTM. */
export async function compareGradientFlow(
  data: FlowWindows,
  options: GradientFlowOptions,
): Promise<GradientFlowCurve[]> {
  return [await gradientFlow('rnn', data, options), await gradientFlow('lstm', data, options)]
}
