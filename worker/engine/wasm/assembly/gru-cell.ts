import { sigmoidScalar, sigmoidv, tanhScalar, tanhv } from './vmath'

// Elementwise half of one GRU step (PyTorch rows [r | z | n]):
//   r = σ(gx_r + gh_r), z = σ(gx_z + gh_z), n = tanh(gx_n + r·gh_n), h = (1 − z)·n + z·h_prev
// where gx = W_ih·x + b_ih and gh = W_hh·h_prev + b_hh are kept apart because r gates gh_n only.

/** Overwrites gx [batch, 3·units] with (r, z, n), saves gh_n into hn [batch, units], writes h. */
export function gruCellForward(
  gx: usize,
  gh: usize,
  hPrev: usize,
  hn: usize,
  h: usize,
  batch: i32,
  units: i32,
): void {
  const u = (<usize>units) << 2
  const vecBytes = (<usize>(units & ~3)) << 2
  const one = f32x4.splat(1)
  for (let b = 0; b < batch; b++) {
    const x = gx + <usize>b * 3 * u
    const g = gh + <usize>b * 3 * u
    const row = <usize>b * u
    for (let p: usize = 0; p < vecBytes; p += 16) {
      const r = sigmoidv(f32x4.add(v128.load(x + p), v128.load(g + p)))
      const z = sigmoidv(f32x4.add(v128.load(x + u + p), v128.load(g + u + p)))
      const ghn = v128.load(g + 2 * u + p)
      const n = tanhv(f32x4.add(v128.load(x + 2 * u + p), f32x4.mul(r, ghn)))
      v128.store(x + p, r)
      v128.store(x + u + p, z)
      v128.store(x + 2 * u + p, n)
      v128.store(hn + row + p, ghn)
      v128.store(
        h + row + p,
        f32x4.add(f32x4.mul(f32x4.sub(one, z), n), f32x4.mul(z, v128.load(hPrev + row + p))),
      )
    }
    for (let p = vecBytes; p < u; p += 4) {
      const r = sigmoidScalar(load<f32>(x + p) + load<f32>(g + p))
      const z = sigmoidScalar(load<f32>(x + u + p) + load<f32>(g + u + p))
      const ghn = load<f32>(g + 2 * u + p)
      const n = tanhScalar(load<f32>(x + 2 * u + p) + r * ghn)
      store<f32>(x + p, r)
      store<f32>(x + u + p, z)
      store<f32>(x + 2 * u + p, n)
      store<f32>(hn + row + p, ghn)
      store<f32>(h + row + p, (1 - z) * n + z * load<f32>(hPrev + row + p))
    }
  }
}

/**
 * From dh (+ dhExtra unless 0) writes dGx and dGh [batch, 3·units] (they differ in the n rows
 * by the factor r) and replaces dh with its direct share z·dh; the host adds dGh·W_hh to it.
 */
export function gruCellBackward(
  acts: usize,
  hn: usize,
  hPrev: usize,
  dh: usize,
  dhExtra: usize,
  dGx: usize,
  dGh: usize,
  batch: i32,
  units: i32,
): void {
  const u = (<usize>units) << 2
  const vecBytes = (<usize>(units & ~3)) << 2
  const one = f32x4.splat(1)
  for (let b = 0; b < batch; b++) {
    const a = acts + <usize>b * 3 * u
    const dx = dGx + <usize>b * 3 * u
    const dg = dGh + <usize>b * 3 * u
    const row = <usize>b * u
    for (let p: usize = 0; p < vecBytes; p += 16) {
      let d = v128.load(dh + row + p)
      if (dhExtra) d = f32x4.add(d, v128.load(dhExtra + row + p))
      const r = v128.load(a + p)
      const z = v128.load(a + u + p)
      const n = v128.load(a + 2 * u + p)
      const dPreN = f32x4.mul(f32x4.mul(d, f32x4.sub(one, z)), f32x4.sub(one, f32x4.mul(n, n)))
      const dz = f32x4.mul(d, f32x4.sub(v128.load(hPrev + row + p), n))
      const dPreZ = f32x4.mul(dz, f32x4.mul(z, f32x4.sub(one, z)))
      const dPreR = f32x4.mul(f32x4.mul(dPreN, v128.load(hn + row + p)), f32x4.mul(r, f32x4.sub(one, r)))
      v128.store(dx + p, dPreR)
      v128.store(dx + u + p, dPreZ)
      v128.store(dx + 2 * u + p, dPreN)
      v128.store(dg + p, dPreR)
      v128.store(dg + u + p, dPreZ)
      v128.store(dg + 2 * u + p, f32x4.mul(dPreN, r))
      v128.store(dh + row + p, f32x4.mul(d, z))
    }
    for (let p = vecBytes; p < u; p += 4) {
      let d = load<f32>(dh + row + p)
      if (dhExtra) d += load<f32>(dhExtra + row + p)
      const r = load<f32>(a + p)
      const z = load<f32>(a + u + p)
      const n = load<f32>(a + 2 * u + p)
      const dPreN = d * (1 - z) * (1 - n * n)
      const dPreZ = d * (load<f32>(hPrev + row + p) - n) * z * (1 - z)
      const dPreR = dPreN * load<f32>(hn + row + p) * r * (1 - r)
      store<f32>(dx + p, dPreR)
      store<f32>(dx + u + p, dPreZ)
      store<f32>(dx + 2 * u + p, dPreN)
      store<f32>(dg + p, dPreR)
      store<f32>(dg + u + p, dPreZ)
      store<f32>(dg + 2 * u + p, dPreN * r)
      store<f32>(dh + row + p, d * z)
    }
  }
}
