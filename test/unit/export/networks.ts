import {
  createReferenceBackend,
  mulberry32,
  paramCount,
  type CellType,
  type ModelSpec,
} from '../../../worker/engine/index'
import type { ExportNetwork } from '../../../worker/export/index'

/** Small random networks: weights large enough (±0.6) that a wrong gate order shows clearly. */
export function randomNetwork(
  cells: CellType[],
  seed: number,
  inputSize = 3,
  outputSize = 4,
  lookback = 7,
): ExportNetwork {
  const spec: ModelSpec = {
    inputSize,
    outputSize,
    layers: cells.map((cell, k) => ({ cell, units: 5 - k, dropout: 0 })),
  }
  const random = mulberry32(seed)
  const params = Float32Array.from({ length: paramCount(spec) }, () => 1.2 * (random() - 0.5))
  return { spec, params, lookback }
}

export function randomInputs(network: ExportNetwork, batch: number, seed: number): Float32Array {
  const random = mulberry32(seed)
  return Float32Array.from(
    { length: batch * network.lookback * network.spec.inputSize },
    () => 4 * (random() - 0.5),
  )
}

/** The app's own predictions, in float64 so the comparison measures the exporter, not rounding. */
export function referenceForecast(network: ExportNetwork, x: Float32Array, batch: number): Float64Array {
  const out = new Float64Array(batch * network.spec.outputSize)
  createReferenceBackend(network.spec, 'float64').forward(
    Float64Array.from(network.params),
    Float64Array.from(x),
    batch,
    network.lookback,
    out,
  )
  return out
}

export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`)
  let max = 0
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]))
  return max
}

export const CELL_STACKS: { label: string; cells: CellType[] }[] = [
  { label: 'LSTM', cells: ['lstm'] },
  { label: 'GRU', cells: ['gru'] },
  { label: 'RNN', cells: ['rnn'] },
  { label: 'LSTM×2', cells: ['lstm', 'lstm'] },
  { label: 'GRU×2', cells: ['gru', 'gru'] },
  { label: 'RNN×2', cells: ['rnn', 'rnn'] },
  { label: 'LSTM→GRU→RNN', cells: ['lstm', 'gru', 'rnn'] },
]
