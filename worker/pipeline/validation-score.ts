import { maseScale } from '../statistics/index'
import { valuesBefore } from './targets'
import type { SeriesInput } from './types'

/**
 * The one number a run is judged by on validation. One target: its mean absolute error
 * (original units). Several: the mean over targets of that error divided by the target's
 * in-sample seasonal-naive error on the training part, so that no target's scale outweighs
 * the others — a model of sales and visits is judged on both, not on the first column.
 */
export function validationScoreOf(
  series: SeriesInput,
  trainEnd: number,
  m: number,
  errors: number[],
): number {
  if (errors.length === 1) return errors[0]
  const relative = errors.map((error, t) => {
    const train = valuesBefore(series.targets[t].values, trainEnd)
    const scale = maseScale(train, m)
    return scale > 0 ? error / scale : error
  })
  return relative.reduce((a, b) => a + b, 0) / relative.length
}
