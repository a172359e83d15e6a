import { conformalQuantile, DEFAULT_LEVELS, type ConformalCalibration } from '../statistics/index'

/**
 * Split-conformal half-widths per horizon step from validation residuals (original units).
 * Late steps of a short validation part have few residuals (step k sees one fewer than step
 * k − 1), which makes the exact quantile infinite; such a step borrows the residuals of its
 * nearest steps until there are enough for the widest level. Borrowing from neighbours keeps
 * the widths growing with the horizon, unlike pooling every step together.
 */
export function calibratePerStep(
  residuals: ArrayLike<number>[],
  horizon: number,
  levels: readonly number[] = DEFAULT_LEVELS,
): ConformalCalibration {
  const perStep = Array.from({ length: horizon }, (_, k) =>
    residuals.map((r) => r[k]).filter((v) => v !== undefined && Number.isFinite(v)),
  )
  const needed = Math.ceil(100 / (100 - Math.max(...levels))) - 1
  const pooled = perStep.map((_, k) => {
    let values = perStep[k]
    for (let radius = 1; values.length < needed && radius < horizon; radius++) {
      const before = perStep[k - radius] ?? []
      const after = perStep[k + radius] ?? []
      values = [...values, ...before, ...after]
    }
    return values
  })
  const halfWidths: Record<number, Float64Array> = {}
  for (const level of levels)
    halfWidths[level] = Float64Array.from(pooled, (values) => conformalQuantile(values, level))
  return { horizon, counts: pooled.map((values) => values.length), halfWidths, levels: [...levels] }
}
