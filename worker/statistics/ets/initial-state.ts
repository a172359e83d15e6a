import type { EtsSpec } from './spec'

/**
 * R ets()'s starting values for the initial states (forecast:::initstate): a classical
 * decomposition of the first three seasons gives the seasonal indices; a regression on the first
 * max(10, 2m) seasonally adjusted values gives level and slope. They only seed the optimiser,
 * which then re-estimates the initial states together with the smoothing parameters.
 */

/** Centred moving average of order m (2×m for even m), NaN where the window is incomplete. */
function centredMovingAverage(x: ArrayLike<number>, m: number): Float64Array {
  const weights = m % 2 === 0 ? [0.5, ...Array<number>(m - 1).fill(1), 0.5] : Array<number>(m).fill(1)
  const half = Math.floor(weights.length / 2)
  const out = new Float64Array(x.length).fill(NaN)
  for (let t = half; t + half < x.length; t++) {
    let sum = 0
    for (let k = 0; k < weights.length; k++) sum += weights[k] * x[t - half + k]
    out[t] = sum / m
  }
  return out
}

/** Seasonal figure of R's decompose(): one index per position in the cycle, normalised. */
export function classicalSeasonalFigure(
  x: ArrayLike<number>,
  m: number,
  multiplicative: boolean,
): Float64Array {
  const trend = centredMovingAverage(x, m)
  const sums = new Float64Array(m)
  const counts = new Float64Array(m)
  for (let t = 0; t < x.length; t++) {
    if (Number.isNaN(trend[t])) continue
    sums[t % m] += multiplicative ? x[t] / trend[t] : x[t] - trend[t]
    counts[t % m]++
  }
  const figure = sums.map((s, i) => s / counts[i])
  const average = figure.reduce((a, b) => a + b, 0) / m
  return figure.map((v) => (multiplicative ? v / average : v - average))
}

/** Least-squares intercept and slope of values against 1..n. */
function regressOnTime(values: ArrayLike<number>): { intercept: number; slope: number } {
  const n = values.length
  const meanT = (n + 1) / 2
  let meanY = 0
  for (let i = 0; i < n; i++) meanY += values[i] / n
  let sxy = 0
  let sxx = 0
  for (let i = 0; i < n; i++) {
    sxy += (i + 1 - meanT) * (values[i] - meanY)
    sxx += (i + 1 - meanT) ** 2
  }
  const slope = sxx > 0 ? sxy / sxx : 0
  return { intercept: meanY - slope * meanT, slope }
}

/**
 * Starting state [l0, b0?, s_0..s_{m−2}] (the last seasonal state is implied by normalisation).
 * Seasonal models need at least three full seasons.
 */
export function initialStateGuess(y: ArrayLike<number>, spec: EtsSpec, m: number): number[] {
  const seasonal = spec.season !== 'N'
  let adjusted: ArrayLike<number> = y
  let seasonStates: number[] = []
  const period = seasonal ? m : 1
  if (seasonal) {
    if (y.length < 3 * m) throw new RangeError(`ETS: seasonal models need 3 full seasons (${3 * m} points)`)
    const multiplicative = spec.season === 'M'
    const figure = classicalSeasonalFigure(Array.from(y).slice(0, 3 * m), m, multiplicative)
    // States run from the most recent season backwards: s_0 = figure[m−1], ..., s_{m−2} = figure[1].
    seasonStates = Array.from({ length: m - 1 }, (_, i) => figure[m - 1 - i])
    if (multiplicative) {
      seasonStates = seasonStates.map((s) => Math.max(s, 1e-2))
      const total = seasonStates.reduce((a, b) => a + b, 0)
      if (total > m) seasonStates = seasonStates.map((s) => s / (total + 1e-2 * seasonStates.length))
      adjusted = Array.from(y, (v, t) => v / Math.max(figure[t % m], 1e-2))
    } else {
      adjusted = Array.from(y, (v, t) => v - figure[t % m])
    }
  }
  const count = Math.min(Math.max(10, 2 * period), y.length)
  const head = Array.from(adjusted).slice(0, count)
  if (spec.trend === 'N') return [head.reduce((a, b) => a + b, 0) / count, ...seasonStates]
  let { intercept, slope } = regressOnTime(head)
  // A multiplicative error model divides by l0 + b0: keep it away from zero.
  if (Math.abs(intercept + slope) < 1e-8) {
    intercept *= 1 + 1e-3
    slope *= 1 + 1e-3
  }
  return [intercept, slope, ...seasonStates]
}

/** The full state vector with the normalising last seasonal state appended. */
export function completeState(freeState: ArrayLike<number>, spec: EtsSpec, m: number): Float64Array {
  if (spec.season === 'N') return Float64Array.from(freeState)
  const seasonStart = spec.trend === 'N' ? 1 : 2
  let sum = 0
  for (let i = seasonStart; i < freeState.length; i++) sum += freeState[i]
  const full = new Float64Array(freeState.length + 1)
  full.set(Array.from(freeState))
  full[freeState.length] = (spec.season === 'M' ? m : 0) - sum
  return full
}
