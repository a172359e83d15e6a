import { paramCount } from '../../../worker/engine/layout'
import { mulberry32 } from '../../../worker/engine/prng'
import type { ModelSpec } from '../../../worker/engine/types'

/** Uniform values in [−scale, scale) from a seed: reproducible test data. */
export function randomArray(length: number, seed: number, scale = 1): Float64Array {
  const random = mulberry32(seed)
  return Float64Array.from({ length }, () => (2 * random() - 1) * scale)
}

/** Random parameters (biases included, unlike init) so every code path carries signal. */
export function randomParams(spec: ModelSpec, seed: number, scale = 0.6): Float64Array {
  return randomArray(paramCount(spec), seed, scale)
}

/** Sliding windows of `lookback` inputs → `horizon` targets over a univariate series. */
export function slidingWindows(series: ArrayLike<number>, lookback: number, horizon: number) {
  const count = series.length - lookback - horizon + 1
  const x = new Float64Array(count * lookback)
  const y = new Float64Array(count * horizon)
  for (let i = 0; i < count; i++) {
    for (let t = 0; t < lookback; t++) x[i * lookback + t] = series[i + t]
    for (let h = 0; h < horizon; h++) y[i * horizon + h] = series[i + lookback + h]
  }
  return { x, y, count }
}
