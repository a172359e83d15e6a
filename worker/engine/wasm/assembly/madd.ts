// Small helpers need no @inline: binaryen -O3 inlines them.
// The same source builds twice: with `--enable relaxed-simd` the multiply-add fuses into one
// instruction (~40% faster GEMMs on x86), without it the module runs on any SIMD engine.
// ASC_FEATURE_RELAXED_SIMD is a compile-time constant, so the unused branch is dropped.

/** a·b + c on four float lanes. */
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c)
  return f32x4.add(f32x4.mul(a, b), c)
}

/** Scalar a·b + c (the tails of the SIMD loops). */
export function maddScalar(a: f32, b: f32, c: f32): f32 {
  return a * b + c
}
