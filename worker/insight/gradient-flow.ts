import { fit, inspectWindow } from '../engine/index'
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
export function gradientFlow(
  cell: CellType,
  data: FlowWindows,
  options: GradientFlowOptions,
): GradientFlowCurve {
  const spec: ModelSpec = {
    inputSize: data.features,
    outputSize: data.outputs,
    layers: Array.from({ length: options.layers }, () => ({ cell, units: options.units, dropout: 0 })),
  }
  const trained = fit({
    spec,
    train: { x: data.x, y: data.y },
    steps: data.steps,
    batchSize: options.batchSize ?? 32,
    epochs: options.epochs,
    optimizer: { name: 'adam', lr: options.learningRate ?? 1e-2 },
    seed: options.seed,
    precision: 'float64',
  })
  const probes = Math.min(options.probeWindows ?? 16, data.count)
  const sum = new Float64Array(data.steps)
  const windowSize = data.steps * data.features
  for (let w = 0; w < probes; w++) {
    const x = data.x.subarray(w * windowSize, (w + 1) * windowSize)
    const y = data.y.subarray(w * data.outputs, (w + 1) * data.outputs)
    const norms = inspectWindow(spec, trained.model.params, x, y).layers[0]?.hiddenGradNorm ?? []
    norms.forEach((norm, t) => (sum[t] = (sum[t] ?? 0) + norm))
  }
  return {
    cell,
    gradNorm: Array.from(sum, (total) => total / probes),
    finalTrainLoss: trained.trainLoss[trained.trainLoss.length - 1] ?? Number.NaN,
  }
}

/** The one-click comparison: the same data, size and seed for a tanh RNN and an LSTM. */
export function compareGradientFlow(data: FlowWindows, options: GradientFlowOptions): GradientFlowCurve[] {
  return [gradientFlow('rnn', data, options), gradientFlow('lstm', data, options)]
}
