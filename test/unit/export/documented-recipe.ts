import type { ExportPreprocessing } from '../../../worker/export/index'
import type { ScalerJSON, TargetTransformJSON } from '../../../worker/statistics/index'

/**
 * What a consumer writes from docs/export-formats.md alone: plain arithmetic on the
 * lstm_studio.preprocessing JSON around a network that maps [1, lookback, features] to
 * [1, outputs × targets]. Deliberately does not import the pipeline, so it tests the documentation.
 */

export type RunNetwork = (x: Float32Array) => Promise<Float32Array>

export interface RawSeries {
  /** Raw values of each of `targets`, in order. */
  targets: number[][]
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

/** Steps 1–3 for one target: g (logged) and z (network scale). */
function scaledTarget(transform: TargetTransformJSON, values: number[]) {
  const { lag } = transform
  const g = values.map((v) => scale(transform.log, v))
  const d = lag > 0 ? g.slice(lag).map((v, t) => v - g[t]) : g
  return { g, z: d.map((v) => scale(transform.scale, v)) }
}

/** Steps 1–3: every target and covariate on the network's scale, aligned on the differenced targets. */
function scaledColumns(p: ExportPreprocessing, raw: RawSeries) {
  const { lag } = p.targets[0].transform
  const targets = p.targets.map((target, t) => scaledTarget(target.transform, raw.targets[t]))
  const past = raw.past.map((column, i) => column.map((v) => scale(p.pastCovariates[i].scaler, v)).slice(lag))
  const future = raw.future.map((column, i) =>
    column.map((v) => scale(p.futureCovariates[i].scaler, v)).slice(lag),
  )
  return { targets, past, future }
}

const at = (column: number[], t: number) => column[Math.min(t, column.length - 1)]

/** Step 7: the window ending just before `origin`. */
function window(
  p: ExportPreprocessing,
  zs: number[][],
  past: number[][],
  future: number[][],
  origin: number,
) {
  const residual = p.targetMode === 'seasonalResidual'
  const x: number[] = []
  for (let j = 0; j < p.lookback; j++) {
    const tau = origin - p.lookback + j
    for (const z of zs) x.push(z[tau])
    if (residual) for (const z of zs) x.push(tau >= p.period ? z[tau] - z[tau - p.period] : 0)
    for (const column of past) x.push(at(column, tau))
    for (const column of future) x.push(at(column, tau + p.outputs))
  }
  return Float32Array.from(x)
}

/** Scaled-level forecasts of every target for `steps` steps after the last observation. */
async function scaledForecast(
  p: ExportPreprocessing,
  zs: number[][],
  past: number[][],
  future: number[][],
  steps: number,
  run: RunNetwork,
) {
  const residual = p.targetMode === 'seasonalResidual'
  const m = p.period
  const origin = zs[0].length
  if (p.strategy === 'direct') {
    const out = await run(window(p, zs, past, future, origin))
    return zs.map((z, t) =>
      Array.from({ length: steps }, (_, k) => {
        const value = out[t * p.outputs + k]
        return residual ? p.residualWeight * value + z[origin - m + (k % m)] : value
      }),
    )
  }
  // Recursive models have no past covariates (nothing could roll them forward).
  const extended = zs.map((z) => [...z])
  for (let k = 0; k < steps; k++) {
    const out = await run(window(p, extended, past, future, origin + k))
    extended.forEach((z, t) => z.push(residual ? p.residualWeight * out[t] + z[origin + k - m] : out[t]))
  }
  return extended.map((z) => z.slice(origin))
}

/** Back from the output for one target: unscale, undifference from the raw history, unlog. */
function original(transform: TargetTransformJSON, g: number[], forecastZ: number[]): number[] {
  const { lag } = transform
  const levels: number[] = []
  forecastZ.forEach((value, k) => {
    const d = unscale(transform.scale, value)
    const previous = lag === 0 ? 0 : k >= lag ? levels[k - lag] : g[g.length - lag + k]
    levels.push(d + previous)
  })
  return levels.map((v) => unscale(transform.log, v))
}

/** The whole recipe for every target, in `targets` order: raw history in, forecasts in original units out. */
export async function forecastWithRecipe(
  p: ExportPreprocessing,
  raw: RawSeries,
  steps: number,
  run: RunNetwork,
) {
  const { targets, past, future } = scaledColumns(p, raw)
  const forecastZ = await scaledForecast(
    p,
    targets.map((target) => target.z),
    past,
    future,
    steps,
    run,
  )
  return forecastZ.map((z, t) => original(p.targets[t].transform, targets[t].g, z))
}
