import { predictOriginalAll } from './predict'
import type { TrainedRun } from './run'
import { targetValues } from './targets'
import type { SeriesInput } from './types'

export interface FittedValues {
  start: number
  values: number[]
}

/**
 * What the evaluated network would have said one step ahead at every point before the test
 * part, per target, in original units: the fitted line of the Forecast screen.
 */
export function fittedValues(run: TrainedRun, series: SeriesInput): FittedValues[] {
  const { prepared, predictor } = run
  const first = prepared.trainOrigins[0] ?? prepared.shape.lookback
  const end = prepared.split.test.start - prepared.zc.lag
  const origins = Array.from({ length: Math.max(0, end - first) }, (_, i) => first + i)
  const targets = targetValues(series)
  const forecasts = predictOriginalAll(predictor, prepared.zc, targets, origins, 1)
  return targets.map((_, t) => ({
    start: first + prepared.zc.lag,
    values: forecasts.map((perTarget) => perTarget[t]?.[0] ?? Number.NaN),
  }))
}
