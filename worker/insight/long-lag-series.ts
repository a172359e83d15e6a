import { mulberry32, normalSampler } from '../engine/index'
import type { FlowWindows } from './gradient-flow'

/**
 * Windows of Gaussian noise (standard deviation `amplitude`) whose target is the value seen
 * `lag` steps before the window's end: the answer lies far back in time. With inputs of the
 * size raw, unscaled data often has (amplitude 2), a tanh RNN saturates and its gradient dies
 * on the way back, while the LSTM's cell state carries it.
 */
export function longLagWindows(
  count: number,
  steps: number,
  lag: number,
  seed: number,
  amplitude = 2,
): FlowWindows {
  if (lag >= steps) throw new Error(`lag ${lag} must be shorter than the window (${steps} steps)`)
  const normal = normalSampler(mulberry32(seed))
  const x = new Float64Array(count * steps)
  const y = new Float64Array(count)
  for (let w = 0; w < count; w++) {
    for (let t = 0; t < steps; t++) x[w * steps + t] = amplitude * normal()
    y[w] = (x[w * steps + (steps - 1 - lag)] ?? 0) / amplitude
  }
  return { x, y, count, steps, features: 1, outputs: 1 }
}
