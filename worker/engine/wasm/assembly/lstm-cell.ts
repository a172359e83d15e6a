import { sigmoidScalar, sigmoidv, tanhScalar, tanhv } from './vmath'

// Elementwise half of one LSTM time step for a batch; the matrix half is gemmPanel.
// Gate rows per sample follow PyTorch: [i | f | g | o], each `units` wide.

/**
 * gates [batch, 4·units] holds pre-activations and is overwritten with activations
 * (i, f, o sigmoid; g tanh), which the backward pass reads. Writes c, tanh(c) and h [batch, units].
 */
export function lstmCellForward(
  gates: usize,
  cPrev: usize,
  c: usize,
  tanhC: usize,
  h: usize,
  batch: i32,
  units: i32,
): void {
  const u = (<usize>units) << 2
  const vecBytes = (<usize>(units & ~3)) << 2
  for (let b = 0; b < batch; b++) {
    const gi = gates + <usize>b * 4 * u
    const gf = gi + u
    const gg = gf + u
    const go = gg + u
    const row = <usize>b * u
    for (let p: usize = 0; p < vecBytes; p += 16) {
      const i = sigmoidv(v128.load(gi + p))
      const f = sigmoidv(v128.load(gf + p))
      const g = tanhv(v128.load(gg + p))
      const o = sigmoidv(v128.load(go + p))
      const cv = f32x4.add(f32x4.mul(f, v128.load(cPrev + row + p)), f32x4.mul(i, g))
      const tc = tanhv(cv)
      v128.store(gi + p, i)
      v128.store(gf + p, f)
      v128.store(gg + p, g)
      v128.store(go + p, o)
      v128.store(c + row + p, cv)
      v128.store(tanhC + row + p, tc)
      v128.store(h + row + p, f32x4.mul(o, tc))
    }
    for (let p = vecBytes; p < u; p += 4) {
      const i = sigmoidScalar(load<f32>(gi + p))
      const f = sigmoidScalar(load<f32>(gf + p))
      const g = tanhScalar(load<f32>(gg + p))
      const o = sigmoidScalar(load<f32>(go + p))
      const cv = f * load<f32>(cPrev + row + p) + i * g
      const tc = tanhScalar(cv)
      store<f32>(gi + p, i)
      store<f32>(gf + p, f)
      store<f32>(gg + p, g)
      store<f32>(go + p, o)
      store<f32>(c + row + p, cv)
      store<f32>(tanhC + row + p, tc)
      store<f32>(h + row + p, o * tc)
    }
  }
}

/**
 * From dh (plus dhExtra unless it is 0, the gradient arriving from the layer above) and dc
 * (gradient of c_t from step t+1, updated in place to that of c_{t−1}), writes the
 * pre-activation gradients dGates [batch, 4·units].
 */
export function lstmCellBackward(
  acts: usize,
  cPrev: usize,
  tanhC: usize,
  dh: usize,
  dhExtra: usize,
  dc: usize,
  dGates: usize,
  batch: i32,
  units: i32,
): void {
  const u = (<usize>units) << 2
  const vecBytes = (<usize>(units & ~3)) << 2
  const one = f32x4.splat(1)
  for (let b = 0; b < batch; b++) {
    const gi = acts + <usize>b * 4 * u
    const di = dGates + <usize>b * 4 * u
    const row = <usize>b * u
    for (let p: usize = 0; p < vecBytes; p += 16) {
      let dhv = v128.load(dh + row + p)
      if (dhExtra) dhv = f32x4.add(dhv, v128.load(dhExtra + row + p))
      const i = v128.load(gi + p)
      const f = v128.load(gi + u + p)
      const g = v128.load(gi + 2 * u + p)
      const o = v128.load(gi + 3 * u + p)
      const tc = v128.load(tanhC + row + p)
      const dcv = f32x4.add(
        v128.load(dc + row + p),
        f32x4.mul(f32x4.mul(dhv, o), f32x4.sub(one, f32x4.mul(tc, tc))),
      )
      const dO = f32x4.mul(f32x4.mul(dhv, tc), f32x4.mul(o, f32x4.sub(one, o)))
      const dI = f32x4.mul(f32x4.mul(dcv, g), f32x4.mul(i, f32x4.sub(one, i)))
      const dG = f32x4.mul(f32x4.mul(dcv, i), f32x4.sub(one, f32x4.mul(g, g)))
      const dF = f32x4.mul(f32x4.mul(dcv, v128.load(cPrev + row + p)), f32x4.mul(f, f32x4.sub(one, f)))
      v128.store(di + p, dI)
      v128.store(di + u + p, dF)
      v128.store(di + 2 * u + p, dG)
      v128.store(di + 3 * u + p, dO)
      v128.store(dc + row + p, f32x4.mul(dcv, f))
    }
    for (let p = vecBytes; p < u; p += 4) {
      let dhs = load<f32>(dh + row + p)
      if (dhExtra) dhs += load<f32>(dhExtra + row + p)
      const i = load<f32>(gi + p)
      const f = load<f32>(gi + u + p)
      const g = load<f32>(gi + 2 * u + p)
      const o = load<f32>(gi + 3 * u + p)
      const tc = load<f32>(tanhC + row + p)
      const dcs = load<f32>(dc + row + p) + dhs * o * (1 - tc * tc)
      store<f32>(di + p, dcs * g * i * (1 - i))
      store<f32>(di + u + p, dcs * load<f32>(cPrev + row + p) * f * (1 - f))
      store<f32>(di + 2 * u + p, dcs * i * (1 - g * g))
      store<f32>(di + 3 * u + p, dhs * tc * o * (1 - o))
      store<f32>(dc + row + p, dcs * f)
    }
  }
}
