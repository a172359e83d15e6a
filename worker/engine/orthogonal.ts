import type { FloatArray } from './types'

/**
 * Writes a random orthogonal n×n matrix (row-major) at `offset`: modified Gram-Schmidt on the
 * columns of a Gaussian matrix. Gram-Schmidt keeps diag(R) positive, so the result is Haar
 * distributed like QR with the usual sign fix.
 */
export function writeOrthogonal(target: FloatArray, offset: number, n: number, normal: () => number): void {
  const columns: Float64Array[] = []
  for (let j = 0; j < n; j++) {
    let column = drawOrthogonalColumn(columns, n, normal)
    while (column === null) column = drawOrthogonalColumn(columns, n, normal)
    columns.push(column)
  }
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) target[offset + row * n + col] = columns[col][row]
  }
}

/** Null when the Gaussian draw was (numerically) inside the span of the previous columns. */
function drawOrthogonalColumn(
  previous: Float64Array[],
  n: number,
  normal: () => number,
): Float64Array | null {
  const column = new Float64Array(n)
  for (let i = 0; i < n; i++) column[i] = normal()
  for (const basis of previous) {
    let dot = 0
    for (let i = 0; i < n; i++) dot += basis[i] * column[i]
    for (let i = 0; i < n; i++) column[i] -= dot * basis[i]
  }
  let norm = 0
  for (let i = 0; i < n; i++) norm += column[i] * column[i]
  norm = Math.sqrt(norm)
  if (norm < 1e-10) return null
  for (let i = 0; i < n; i++) column[i] /= norm
  return column
}
