import { coverage } from './metrics'
import { DEFAULT_LEVELS, type PredictionInterval } from './types'

/**
 * Split-conformal prediction intervals, calibrated per horizon step. With n calibration
 * residuals for step k, the half-width at level L is the ⌈(n + 1)·L/100⌉-th smallest |residual|
 * (the finite-sample correction); when that rank exceeds n the interval is unbounded (±∞),
 * which is the honest answer for too few calibration windows. Calibration residuals must come
 * from data the model was not fitted on (the validation part), never from the test part.
 */

export interface ConformalCalibration {
  horizon: number
  /** Number of calibration residuals per step. */
  counts: number[]
  /** halfWidths[level][k] for step k = 0..horizon−1. */
  halfWidths: Record<number, Float64Array>
  levels: number[]
}

/** The conformal quantile of |residuals| at `level` percent (Infinity when n is too small). */
export function conformalQuantile(absResiduals: ArrayLike<number>, level: number): number {
  const sorted = Float64Array.from(absResiduals, Math.abs).sort()
  const rank = Math.ceil(((sorted.length + 1) * level) / 100)
  return rank > sorted.length ? Infinity : sorted[rank - 1]
}

/**
 * residuals[i][k] = actual − forecast at step k of calibration window i (NaN entries are ignored,
 * so windows that run past the end of the validation part may be partial).
 */
export function calibrateConformal(
  residuals: ArrayLike<number>[],
  horizon: number,
  levels: readonly number[] = DEFAULT_LEVELS,
): ConformalCalibration {
  const perStep = Array.from({ length: horizon }, (_, k) =>
    residuals.map((r) => r[k]).filter((v) => v !== undefined && !Number.isNaN(v)),
  )
  const halfWidths: Record<number, Float64Array> = {}
  for (const level of levels)
    halfWidths[level] = Float64Array.from(perStep, (values) => conformalQuantile(values, level))
  return { horizon, counts: perStep.map((v) => v.length), halfWidths, levels: [...levels] }
}

export function conformalIntervals(
  calibration: ConformalCalibration,
  mean: ArrayLike<number>,
): PredictionInterval[] {
  if (mean.length > calibration.horizon) {
    throw new RangeError(`conformal: calibrated for ${calibration.horizon} steps, asked for ${mean.length}`)
  }
  return calibration.levels.map((level) => {
    const width = calibration.halfWidths[level]
    return {
      level,
      lower: Float64Array.from(mean, (f, k) => f - width[k]),
      upper: Float64Array.from(mean, (f, k) => f + width[k]),
    }
  })
}

/** Empirical coverage of conformal intervals on held-out (test) windows, pooled over steps, per level. */
export function conformalTestCoverage(
  calibration: ConformalCalibration,
  forecasts: ArrayLike<number>[],
  actuals: ArrayLike<number>[],
): Record<number, number> {
  const result: Record<number, number> = {}
  for (const level of calibration.levels) {
    const inside: number[] = []
    forecasts.forEach((f, i) => {
      const band = conformalIntervals(calibration, f).find((b) => b.level === level)!
      const a = actuals[i]
      for (let k = 0; k < f.length; k++) inside.push(coverage([a[k]], [band.lower[k]], [band.upper[k]]))
    })
    result[level] = inside.reduce((s, v) => s + v, 0) / inside.length
  }
  return result
}
