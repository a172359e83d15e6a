import { madd } from './madd'

// C[M×N] (+)= A[M×K] · B[N×K]ᵀ as dot products along K (both operands contiguous in K).
// Block 2 rows of A × 4 rows of B = 8 accumulators, reduced across lanes once per block.

export function gemmNT(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, accumulate: bool): void {
  const rowK = (<usize>k) << 2
  const rowC = (<usize>n) << 2
  let i = 0
  for (; i + 2 <= m; i += 2) {
    let j = 0
    for (; j + 4 <= n; j += 4) {
      block2x4(
        a + <usize>i * rowK,
        b + <usize>j * rowK,
        rowK,
        c + <usize>i * rowC + ((<usize>j) << 2),
        rowC,
        k,
        accumulate,
      )
    }
    for (; j < n; j++) {
      for (let r = 0; r < 2; r++) {
        const cr = c + <usize>(i + r) * rowC + ((<usize>j) << 2)
        dot(a + <usize>(i + r) * rowK, b + <usize>j * rowK, cr, k, accumulate)
      }
    }
  }
  for (; i < m; i++) {
    for (let j = 0; j < n; j++) {
      dot(a + <usize>i * rowK, b + <usize>j * rowK, c + <usize>i * rowC + ((<usize>j) << 2), k, accumulate)
    }
  }
}

function horizontalSum(v: v128): f32 {
  const pairs = f32x4.add(v, v128.shuffle<f32>(v, v, 2, 3, 0, 1))
  return f32x4.extract_lane(pairs, 0) + f32x4.extract_lane(pairs, 1)
}

function block2x4(a: usize, b: usize, rowK: usize, c: usize, rowC: usize, k: i32, acc: bool): void {
  const zero = f32x4.splat(0)
  let s00 = zero,
    s01 = zero,
    s02 = zero,
    s03 = zero
  let s10 = zero,
    s11 = zero,
    s12 = zero,
    s13 = zero
  const a1 = a + rowK
  const b1 = b + rowK
  const b2 = b + 2 * rowK
  const b3 = b + 3 * rowK
  const vecBytes = (<usize>(k & ~3)) << 2
  for (let p: usize = 0; p < vecBytes; p += 16) {
    const x0 = v128.load(a + p)
    const x1 = v128.load(a1 + p)
    let y = v128.load(b + p)
    s00 = madd(x0, y, s00)
    s10 = madd(x1, y, s10)
    y = v128.load(b1 + p)
    s01 = madd(x0, y, s01)
    s11 = madd(x1, y, s11)
    y = v128.load(b2 + p)
    s02 = madd(x0, y, s02)
    s12 = madd(x1, y, s12)
    y = v128.load(b3 + p)
    s03 = madd(x0, y, s03)
    s13 = madd(x1, y, s13)
  }
  const c1 = c + rowC
  store<f32>(c, horizontalSum(s00) + tail(a, b, k) + (acc ? load<f32>(c) : 0))
  store<f32>(c, horizontalSum(s01) + tail(a, b1, k) + (acc ? load<f32>(c, 4) : 0), 4)
  store<f32>(c, horizontalSum(s02) + tail(a, b2, k) + (acc ? load<f32>(c, 8) : 0), 8)
  store<f32>(c, horizontalSum(s03) + tail(a, b3, k) + (acc ? load<f32>(c, 12) : 0), 12)
  store<f32>(c1, horizontalSum(s10) + tail(a1, b, k) + (acc ? load<f32>(c1) : 0))
  store<f32>(c1, horizontalSum(s11) + tail(a1, b1, k) + (acc ? load<f32>(c1, 4) : 0), 4)
  store<f32>(c1, horizontalSum(s12) + tail(a1, b2, k) + (acc ? load<f32>(c1, 8) : 0), 8)
  store<f32>(c1, horizontalSum(s13) + tail(a1, b3, k) + (acc ? load<f32>(c1, 12) : 0), 12)
}

/** The last K mod 4 products of a dot product. */
function tail(a: usize, b: usize, k: i32): f32 {
  let s: f32 = 0
  for (let p = k & ~3; p < k; p++) s += load<f32>(a + ((<usize>p) << 2)) * load<f32>(b + ((<usize>p) << 2))
  return s
}

function dot(a: usize, b: usize, c: usize, k: i32, acc: bool): void {
  let v = f32x4.splat(0)
  const vecBytes = (<usize>(k & ~3)) << 2
  for (let p: usize = 0; p < vecBytes; p += 16) v = madd(v128.load(a + p), v128.load(b + p), v)
  store<f32>(c, horizontalSum(v) + tail(a, b, k) + (acc ? load<f32>(c) : 0))
}
