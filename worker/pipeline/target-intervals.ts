import { conformalIntervals, type ConformalCalibration, type PredictionInterval } from '../statistics/index'

/**
 * A target's prediction intervals around a forecast: the conformal half-widths of its steps,
 * with lower bounds floored at `floor` (its `lowerBound`) where the target cannot go (0 for a series that was never negative
 * in training: no negative sales or passenger counts). The floor only removes impossible values,
 * so it never lowers coverage.
 */
export function targetIntervals(
  calibration: ConformalCalibration,
  floor: number | undefined,
  mean: ArrayLike<number>,
): PredictionInterval[] {
  const bands = conformalIntervals(calibration, mean)
  if (floor === undefined) return bands
  return bands.map((band) => ({ ...band, lower: band.lower.map((value) => Math.max(floor, value)) }))
}

/** The floor a target's training values imply: 0 when none was negative, none otherwise. */
export function lowerBoundOf(train: ArrayLike<number>): number | undefined {
  for (let i = 0; i < train.length; i++) if (train[i] < 0) return undefined
  return 0
}
