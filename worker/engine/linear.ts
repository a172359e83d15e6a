import type { FloatArray } from './types'

/** out[r] = b[bOff + r] + Σ_c W[wOff + r·cols + c] · v[vOff + c] */
export function affine(
  w: FloatArray,
  wOff: number,
  rows: number,
  cols: number,
  b: FloatArray,
  bOff: number,
  v: FloatArray,
  vOff: number,
  out: FloatArray,
): void {
  for (let r = 0; r < rows; r++) {
    let sum = 0
    const rowOff = wOff + r * cols
    for (let c = 0; c < cols; c++) sum += w[rowOff + c] * v[vOff + c]
    out[r] = b[bOff + r] + sum
  }
}

/** G[gOff + r·cols + c] += d[r] · v[vOff + c]: the weight gradient of an affine map. */
export function addOuter(
  g: FloatArray,
  gOff: number,
  rows: number,
  cols: number,
  d: FloatArray,
  v: FloatArray,
  vOff: number,
): void {
  for (let r = 0; r < rows; r++) {
    const dr = d[r]
    if (dr === 0) continue
    const rowOff = gOff + r * cols
    for (let c = 0; c < cols; c++) g[rowOff + c] += dr * v[vOff + c]
  }
}

/** out[outOff + c] += Σ_r W[wOff + r·cols + c] · d[r]: the input gradient of an affine map. */
export function addTransposedProduct(
  w: FloatArray,
  wOff: number,
  rows: number,
  cols: number,
  d: FloatArray,
  out: FloatArray,
  outOff: number,
): void {
  for (let r = 0; r < rows; r++) {
    const dr = d[r]
    if (dr === 0) continue
    const rowOff = wOff + r * cols
    for (let c = 0; c < cols; c++) out[outOff + c] += w[rowOff + c] * dr
  }
}

/** g[gOff + i] += d[i] for i < n: the bias gradient. */
export function addVector(g: FloatArray, gOff: number, d: FloatArray, n: number): void {
  for (let i = 0; i < n; i++) g[gOff + i] += d[i]
}
