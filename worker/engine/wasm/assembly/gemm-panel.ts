import { madd } from './madd'

// C[M×N] (+)= op(A) · B where B is row-major [K×N] and op(A) is addressed by strides:
// element (row r, inner p) of op(A) sits at a + r·strideRow + p·strideInner (bytes).
// NN passes (K·4, 4), TN (4, M·4): one kernel vectorised along N serves both.
// Register block 4 rows × 8 columns = 8 f32x4 accumulators: V8 gives WebAssembly 15 vector
// registers, and bigger blocks spill (measured: 4×8 ≈ 50 GFLOP/s with FMA, 12+ accumulators < 30).

export function gemmPanel(
  a: usize,
  strideRow: usize,
  strideInner: usize,
  b: usize,
  c: usize,
  m: i32,
  n: i32,
  k: i32,
  accumulate: bool,
): void {
  const rowB = (<usize>n) << 2
  let i = 0
  for (; i + 4 <= m; i += 4) {
    const a0 = a + <usize>i * strideRow
    const c0 = c + <usize>i * rowB
    let j = 0
    for (; j + 8 <= n; j += 8) {
      block4x8(a0, strideRow, strideInner, b + ((<usize>j) << 2), rowB, c0 + ((<usize>j) << 2), k, accumulate)
    }
    for (; j + 4 <= n; j += 4) {
      block4x4(a0, strideRow, strideInner, b + ((<usize>j) << 2), rowB, c0 + ((<usize>j) << 2), k, accumulate)
    }
    for (; j < n; j++) {
      for (let r = 0; r < 4; r++) {
        const cr = c0 + <usize>r * rowB + ((<usize>j) << 2)
        dotColumn(a0 + <usize>r * strideRow, strideInner, b + ((<usize>j) << 2), rowB, cr, k, accumulate)
      }
    }
  }
  for (; i < m; i++) {
    const a0 = a + <usize>i * strideRow
    const c0 = c + <usize>i * rowB
    let j = 0
    for (; j + 8 <= n; j += 8) {
      block1x8(a0, strideInner, b + ((<usize>j) << 2), rowB, c0 + ((<usize>j) << 2), k, accumulate)
    }
    for (; j + 4 <= n; j += 4) {
      block1x4(a0, strideInner, b + ((<usize>j) << 2), rowB, c0 + ((<usize>j) << 2), k, accumulate)
    }
    for (; j < n; j++) {
      dotColumn(a0, strideInner, b + ((<usize>j) << 2), rowB, c0 + ((<usize>j) << 2), k, accumulate)
    }
  }
}

function block4x8(a: usize, sr: usize, sp: usize, b: usize, rowB: usize, c: usize, k: i32, acc: bool): void {
  const zero = f32x4.splat(0)
  const r1 = c + rowB
  const r2 = c + 2 * rowB
  const r3 = c + 3 * rowB
  let c00 = acc ? v128.load(c) : zero
  let c01 = acc ? v128.load(c, 16) : zero
  let c10 = acc ? v128.load(r1) : zero
  let c11 = acc ? v128.load(r1, 16) : zero
  let c20 = acc ? v128.load(r2) : zero
  let c21 = acc ? v128.load(r2, 16) : zero
  let c30 = acc ? v128.load(r3) : zero
  let c31 = acc ? v128.load(r3, 16) : zero
  const sr2 = sr + sr
  const sr3 = sr2 + sr
  let pa = a
  let pb = b
  for (let p = 0; p < k; p++) {
    const b0 = v128.load(pb)
    const b1 = v128.load(pb, 16)
    let s = v128.load32_splat(pa)
    c00 = madd(s, b0, c00)
    c01 = madd(s, b1, c01)
    s = v128.load32_splat(pa + sr)
    c10 = madd(s, b0, c10)
    c11 = madd(s, b1, c11)
    s = v128.load32_splat(pa + sr2)
    c20 = madd(s, b0, c20)
    c21 = madd(s, b1, c21)
    s = v128.load32_splat(pa + sr3)
    c30 = madd(s, b0, c30)
    c31 = madd(s, b1, c31)
    pa += sp
    pb += rowB
  }
  v128.store(c, c00)
  v128.store(c, c01, 16)
  v128.store(r1, c10)
  v128.store(r1, c11, 16)
  v128.store(r2, c20)
  v128.store(r2, c21, 16)
  v128.store(r3, c30)
  v128.store(r3, c31, 16)
}

function block4x4(a: usize, sr: usize, sp: usize, b: usize, rowB: usize, c: usize, k: i32, acc: bool): void {
  const zero = f32x4.splat(0)
  const r1 = c + rowB
  const r2 = c + 2 * rowB
  const r3 = c + 3 * rowB
  let c0 = acc ? v128.load(c) : zero
  let c1 = acc ? v128.load(r1) : zero
  let c2 = acc ? v128.load(r2) : zero
  let c3 = acc ? v128.load(r3) : zero
  let pa = a
  let pb = b
  for (let p = 0; p < k; p++) {
    const b0 = v128.load(pb)
    c0 = madd(v128.load32_splat(pa), b0, c0)
    c1 = madd(v128.load32_splat(pa + sr), b0, c1)
    c2 = madd(v128.load32_splat(pa + 2 * sr), b0, c2)
    c3 = madd(v128.load32_splat(pa + 3 * sr), b0, c3)
    pa += sp
    pb += rowB
  }
  v128.store(c, c0)
  v128.store(r1, c1)
  v128.store(r2, c2)
  v128.store(r3, c3)
}

function block1x8(a: usize, sp: usize, b: usize, rowB: usize, c: usize, k: i32, acc: bool): void {
  let c0 = acc ? v128.load(c) : f32x4.splat(0)
  let c1 = acc ? v128.load(c, 16) : f32x4.splat(0)
  let pa = a
  let pb = b
  for (let p = 0; p < k; p++) {
    const s = v128.load32_splat(pa)
    c0 = madd(s, v128.load(pb), c0)
    c1 = madd(s, v128.load(pb, 16), c1)
    pa += sp
    pb += rowB
  }
  v128.store(c, c0)
  v128.store(c, c1, 16)
}

function block1x4(a: usize, sp: usize, b: usize, rowB: usize, c: usize, k: i32, acc: bool): void {
  let c0 = acc ? v128.load(c) : f32x4.splat(0)
  let pa = a
  let pb = b
  for (let p = 0; p < k; p++) {
    c0 = madd(v128.load32_splat(pa), v128.load(pb), c0)
    pa += sp
    pb += rowB
  }
  v128.store(c, c0)
}

function dotColumn(a: usize, sp: usize, b: usize, rowB: usize, c: usize, k: i32, acc: bool): void {
  let s: f32 = acc ? load<f32>(c) : 0
  let pa = a
  let pb = b
  for (let p = 0; p < k; p++) {
    s += load<f32>(pa) * load<f32>(pb)
    pa += sp
    pb += rowB
  }
  store<f32>(c, s)
}
