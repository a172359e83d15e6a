import type { CellType } from '../engine/index'

/**
 * Recurrent weights stack one block of `units` rows per gate. The engine uses PyTorch's gate
 * order; other formats use their own, so blocks are permuted, never the rows within a block.
 * Each table lists, for the target's gate positions, the PyTorch gate that goes there.
 */

/** PyTorch LSTM i, f, g, o → ONNX i, o, f, c. PyTorch GRU r, z, n → ONNX z, r, h. */
export const ONNX_GATES: Record<CellType, number[]> = { lstm: [0, 3, 1, 2], gru: [1, 0, 2], rnn: [0] }

/** Permutes gate blocks of a [gates·units, columns] row-major matrix (columns = 1 for a bias). */
export function reorderGates(
  matrix: ArrayLike<number>,
  units: number,
  columns: number,
  order: readonly number[],
): Float64Array {
  const block = units * columns
  if (matrix.length !== order.length * block)
    throw new RangeError(
      `expected ${order.length} gate blocks of ${block} values, got ${matrix.length} values`,
    )
  const out = new Float64Array(matrix.length)
  order.forEach((source, target) => {
    for (let i = 0; i < block; i++) out[target * block + i] = matrix[source * block + i]
  })
  return out
}

/** [rows, columns] row-major → [columns, rows] row-major. */
export function transpose(matrix: ArrayLike<number>, rows: number, columns: number): Float64Array {
  const out = new Float64Array(rows * columns)
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) out[c * rows + r] = matrix[r * columns + c]
  return out
}

export function addVectors(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: a.length }, (_, i) => a[i] + b[i])
}
