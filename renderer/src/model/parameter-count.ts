import type { CellKind } from './draft'

/** Gate blocks per cell: LSTM has four (input, forget, cell, output), GRU three, a plain RNN one. */
const gates: Record<CellKind, number> = { lstm: 4, gru: 3, rnn: 1 }

/** Weights of one layer: input and recurrent kernels per gate, plus two bias vectors per gate. */
export function layerParameters(cell: CellKind, inputSize: number, units: number): number {
  const g = gates[cell]
  return g * units * (inputSize + units) + 2 * g * units
}

/** Exact trainable weights of the stack and its dense head (last units × horizon + horizon). */
export function parameterCount(
  layers: ReadonlyArray<{ cell: CellKind; units: number }>,
  inputSize: number,
  horizon: number,
): number {
  let total = 0
  let width = inputSize
  for (const layer of layers) {
    total += layerParameters(layer.cell, width, layer.units)
    width = layer.units
  }
  if (layers.length === 0) return 0
  return total + width * horizon + horizon
}

/**
 * Rough seconds per epoch: multiply-adds of forward and backward passes over every training
 * window, at a throughput measured loosely on the WASM backend. Shown as an order of magnitude.
 */
export function estimateEpochSeconds(options: {
  layers: ReadonlyArray<{ cell: CellKind; units: number }>
  inputSize: number
  horizon: number
  lookback: number
  windows: number
  workers: number
}): number {
  const perStep = parameterCount(options.layers, options.inputSize, options.horizon)
  const flopsPerWindow = 6 * perStep * options.lookback
  const flopsPerSecondPerWorker = 1.5e9
  return (flopsPerWindow * options.windows) / (flopsPerSecondPerWorker * Math.max(1, options.workers))
}
