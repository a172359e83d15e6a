import type { PredictionInterval } from '../statistics/types'

/**
 * Share of held-out points inside a band, over every series where the band is bounded (a band
 * too few series calibrated is unbounded and says nothing). Used for the test part and for each
 * backtest origin, so both report coverage the same way.
 */
export function intervalCoverage(
  actual: readonly ArrayLike<number>[],
  intervals: readonly PredictionInterval[][],
  level: number,
): number | null {
  let inside = 0
  let counted = 0
  actual.forEach((y, s) => {
    const band = intervals[s]?.find((i) => i.level === level)
    if (!band) return
    for (let k = 0; k < y.length; k++) {
      const lower = band.lower[k]
      const upper = band.upper[k]
      if (!Number.isFinite(y[k]) || !Number.isFinite(lower) || !Number.isFinite(upper)) continue
      counted++
      if (y[k] >= lower && y[k] <= upper) inside++
    }
  })
  return counted > 0 ? inside / counted : null
}
