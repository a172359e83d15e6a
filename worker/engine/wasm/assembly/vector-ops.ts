// Small O(n) helpers that keep whole batches inside linear memory between kernels.

/** dst[i] += src[i] */
export function addInto(dst: usize, src: usize, n: i32): void {
  const vecBytes = (<usize>(n & ~3)) << 2
  for (let p: usize = 0; p < vecBytes; p += 16)
    v128.store(dst + p, f32x4.add(v128.load(dst + p), v128.load(src + p)))
  for (let p = vecBytes; p < (<usize>n) << 2; p += 4)
    store<f32>(dst + p, load<f32>(dst + p) + load<f32>(src + p))
}

/** dst[i] = a[i] · b[i] (dropout masks) */
export function mulInto(dst: usize, a: usize, b: usize, n: i32): void {
  const vecBytes = (<usize>(n & ~3)) << 2
  for (let p: usize = 0; p < vecBytes; p += 16)
    v128.store(dst + p, f32x4.mul(v128.load(a + p), v128.load(b + p)))
  for (let p = vecBytes; p < (<usize>n) << 2; p += 4) store<f32>(dst + p, load<f32>(a + p) * load<f32>(b + p))
}

/** Every one of `rows` rows of dst [rows, cols] becomes a copy of row [cols] (bias broadcast). */
export function fillRows(dst: usize, row: usize, rows: i32, cols: i32): void {
  const bytes = (<usize>cols) << 2
  for (let r = 0; r < rows; r++) memory.copy(dst + <usize>r * bytes, row, bytes)
}

/** sums[cols] += Σ_r src[r, cols] (bias gradients). */
export function addColumnSums(src: usize, sums: usize, rows: i32, cols: i32): void {
  const bytes = (<usize>cols) << 2
  const vecBytes = (<usize>(cols & ~3)) << 2
  for (let r = 0; r < rows; r++) {
    const s = src + <usize>r * bytes
    for (let p: usize = 0; p < vecBytes; p += 16)
      v128.store(sums + p, f32x4.add(v128.load(sums + p), v128.load(s + p)))
    for (let p = vecBytes; p < bytes; p += 4) store<f32>(sums + p, load<f32>(sums + p) + load<f32>(s + p))
  }
}

/** dst [cols, rows] = srcᵀ for src [rows, cols]. */
export function transpose(src: usize, dst: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      store<f32>(dst + ((<usize>c * rows + r) << 2), load<f32>(src + ((<usize>r * cols + c) << 2)))
    }
  }
}

/** First byte the host may use: everything below belongs to the module's static data. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15
}
