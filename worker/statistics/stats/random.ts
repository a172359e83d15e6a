/**
 * Seeded pseudo-random numbers for simulated prediction intervals, so that the same fit always
 * gives the same interval (reproducible reports) without touching Math.random.
 */
export interface Random {
  uniform(): number
  normal(): number
}

/** mulberry32 uniforms and Box–Muller normals. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  let spare: number | null = null
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const normal = (): number => {
    if (spare !== null) {
      const z = spare
      spare = null
      return z
    }
    const u = 1 - uniform()
    const v = uniform()
    const radius = Math.sqrt(-2 * Math.log(u))
    spare = radius * Math.sin(2 * Math.PI * v)
    return radius * Math.cos(2 * Math.PI * v)
  }
  return { uniform, normal }
}
