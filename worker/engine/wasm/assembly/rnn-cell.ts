import { tanhScalar, tanhv } from './vmath'

// Elementwise half of one tanh-RNN step: h = tanh(pre) and its backward.

/** h [batch, units] = tanh(pre) over n = batch·units contiguous elements. */
export function rnnCellForward(pre: usize, h: usize, n: i32): void {
  const vecBytes = (<usize>(n & ~3)) << 2
  for (let p: usize = 0; p < vecBytes; p += 16) v128.store(h + p, tanhv(v128.load(pre + p)))
  for (let p = vecBytes; p < (<usize>n) << 2; p += 4) store<f32>(h + p, tanhScalar(load<f32>(pre + p)))
}

/** dPre = (dh + dhExtra) · (1 − h²); dhExtra = 0 means none. */
export function rnnCellBackward(h: usize, dh: usize, dhExtra: usize, dPre: usize, n: i32): void {
  const vecBytes = (<usize>(n & ~3)) << 2
  const one = f32x4.splat(1)
  for (let p: usize = 0; p < vecBytes; p += 16) {
    let d = v128.load(dh + p)
    if (dhExtra) d = f32x4.add(d, v128.load(dhExtra + p))
    const hv = v128.load(h + p)
    v128.store(dPre + p, f32x4.mul(d, f32x4.sub(one, f32x4.mul(hv, hv))))
  }
  for (let p = vecBytes; p < (<usize>n) << 2; p += 4) {
    let d = load<f32>(dh + p)
    if (dhExtra) d += load<f32>(dhExtra + p)
    const hs = load<f32>(h + p)
    store<f32>(dPre + p, d * (1 - hs * hs))
  }
}
