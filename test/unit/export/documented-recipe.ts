import type { ExportPreprocessing } from '../../../worker/export/index'
import type { ScalerJSON } from '../../../worker/forecast/index'

/**
 * What a consumer writes from docs/export-formats.md alone: plain arithmetic on the
 * lstm_studio.preprocessing JSON around a network that maps [1, lookback, features] to
 * [1, outputs]. Deliberately does not import the pipeline, so it tests the documentation.
 */

export type RunNetwork = (x: Float32Array) => Promise<Float32Array>

export interface RawSeries {
  target: number[]
  past: number[][]
  /** History plus the values of the forecast steps. */
  future: number[][]
}

function logOf(kind: string, v: number): number {
  return kind === 'log' ? Math.log(v) : kind === 'log1p' ? Math.log1p(v) : v
}

function expOf(kind: string, v: number): number {
  return kind === 'log' ? Math.exp(v) : kind === 'log1p' ? Math.expm1(v) : v
}

const scale = (s: ScalerJSON, v: number) => (logOf(s.log, v) - s.shift) / s.scale
const unscale = (s: ScalerJSON, v: number) => expOf(s.log, v * s.scale + s.shift)

/** Steps 1–3: the target and every covariate on the network's scale, aligned on the differenced target. */
function scaledColumns(p: ExportPreprocessing, raw: RawSeries) {
  const { lag } = p.target
  const g = raw.target.map((v) => scale(p.target.log, v))
  const d = lag > 0 ? g.slice(lag).map((v, t) => v - g[t]) : g
  const z = d.map((v) => scale(p.target.scale, v))
  const past = raw.past.map((values, i) => values.map((v) => scale(p.pastCovariates[i].scaler, v)).slice(lag))
  const future = raw.future.map((values, i) =>
    values.map((v) => scale(p.futureCovariates[i].scaler, v)).slice(lag),
  )
  return { g, z, past, future }
}

const at = (column: number[], t: number) => column[Math.min(t, column.length - 1)]

/** Step 4: the window ending just before `origin`. */
function window(
  p: ExportPreprocessing,
  z: number[],
  past: number[][],
  future: number[][],
  origin: number,
): Float32Array {
  const residual = p.targetMode === 'seasonalResidual'
  const x: number[] = []
  for (let j = 0; j < p.lookback; j++) {
    const tau = origin - p.lookback + j
    x.push(z[tau])
    if (residual) x.push(tau >= p.period ? z[tau] - z[tau - p.period] : 0)
    for (const column of past) x.push(at(column, tau))
    for (const column of future) x.push(at(column, tau + p.outputs))
  }
  return Float32Array.from(x)
}

/** Steps 4–6: scaled-level forecasts for `steps` steps after the last observation. */
async function scaledForecast(
  p: ExportPreprocessing,
  z: number[],
  past: number[][],
  future: number[][],
  steps: number,
  run: RunNetwork,
) {
  const residual = p.targetMode === 'seasonalResidual'
  const m = p.period
  const origin = z.length
  if (p.strategy === 'direct') {
    const out = await run(window(p, z, past, future, origin))
    return Array.from({ length: steps }, (_, k) =>
      residual ? p.residualWeight * out[k] + z[origin - m + (k % m)] : out[k],
    )
  }
  // Recursive models have no past covariates (nothing could roll them forward).
  const extended = [...z]
  for (let k = 0; k < steps; k++) {
    const out = await run(window(p, extended, past, future, origin + k))
    extended.push(residual ? p.residualWeight * out[0] + extended[origin + k - m] : out[0])
  }
  return extended.slice(origin)
}

/** The whole recipe: raw history in, forecasts in the original units out. */
export async function forecastWithRecipe(
  p: ExportPreprocessing,
  raw: RawSeries,
  steps: number,
  run: RunNetwork,
) {
  const { g, z, past, future } = scaledColumns(p, raw)
  const forecastZ = await scaledForecast(p, z, past, future, steps, run)
  const { lag } = p.target
  const levels: number[] = []
  forecastZ.forEach((value, k) => {
    const d = unscale(p.target.scale, value)
    const previous = lag === 0 ? 0 : k >= lag ? levels[k - lag] : g[g.length - lag + k]
    levels.push(d + previous)
  })
  return levels.map((v) => unscale(p.target.log, v))
}
