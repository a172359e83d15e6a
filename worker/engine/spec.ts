import type { CellType, ModelSpec } from './types'

const GATES_PER_CELL: Record<CellType, number> = { lstm: 4, gru: 3, rnn: 1 }

/** Rows of W_ih per unit: LSTM i,f,g,o; GRU r,z,n; tanh RNN one. */
export function gateCount(cell: CellType): number {
  const gates = GATES_PER_CELL[cell]
  if (gates === undefined) throw new Error(`Unknown cell type "${String(cell)}" (expected lstm, gru or rnn)`)
  return gates
}

/** Width of the sequence entering layer `index`. */
export function layerInputSize(spec: ModelSpec, index: number): number {
  return index === 0 ? spec.inputSize : spec.layers[index - 1].units
}

function assertPositiveInteger(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new Error(`${what} must be a positive integer, got ${String(value)}`)
  }
}

/** Throws a clear Error for anything a backend could not run. */
export function validateSpec(spec: ModelSpec): void {
  if (spec === null || typeof spec !== 'object') throw new Error('Model spec must be an object')
  assertPositiveInteger(spec.inputSize, 'spec.inputSize')
  assertPositiveInteger(spec.outputSize, 'spec.outputSize')
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) {
    throw new Error('spec.layers must be a non-empty array')
  }
  spec.layers.forEach((layer, index) => {
    gateCount(layer.cell)
    assertPositiveInteger(layer.units, `spec.layers[${index}].units`)
    const dropout = layer.dropout ?? 0
    if (typeof dropout !== 'number' || !(dropout >= 0 && dropout < 1)) {
      throw new Error(`spec.layers[${index}].dropout must be in [0, 1), got ${String(dropout)}`)
    }
  })
}
