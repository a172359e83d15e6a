import { evaluateForecast, type ConformalCalibration, type ForecastMetrics } from '../statistics/index'
import { calibratePerStep } from './calibration'
import { intervalContext, targetIntervals } from './target-intervals'
import { chunksOf, concat } from './chunks'
import type { ZColumns } from './columns'
import { predictOriginal, type Predictor } from './predict'
import type { Prepared } from './prepare'
import { valuesBefore } from './targets'
import type { SeriesInput } from './types'

export interface RangeEvaluation {
  /** Original indices [start, end). */
  start: number
  end: number
  forecast: Float64Array
  actual: Float64Array
  lower: Record<number, Float64Array>
  upper: Record<number, Float64Array>
  metrics: ForecastMetrics
}

export interface ValidationAnalysis {
  /** residuals[i][k]: actual − forecast at step k from validation origin i (NaN outside the validation part). */
  residuals: Float64Array[]
  /** Mean absolute error in original units over every defined (origin, step): what Auto compares. */
  score: number
  calibration: ConformalCalibration
}

/** `target` holds the raw values of target `which` (its place in the model's targets). */
export function analyseValidation(
  predictor: Predictor,
  prepared: Prepared,
  target: ArrayLike<number>,
  which: number,
) {
  const { zc, split, validationOrigins } = prepared
  const H = prepared.state.config.horizon
  const forecasts = predictOriginal(predictor, zc, target, validationOrigins, H, which)
  let sum = 0
  let count = 0
  const residuals = forecasts.map((forecast, i) => {
    const origin = validationOrigins[i] + zc.lag
    return Float64Array.from(forecast, (f, k) => {
      if (origin + k < split.validation.start || origin + k >= split.validation.end) return NaN
      const residual = target[origin + k] - f
      sum += Math.abs(residual)
      count++
      return residual
    })
  })
  const analysis: ValidationAnalysis = {
    residuals,
    score: count > 0 ? sum / count : NaN,
    calibration: calibratePerStep(residuals, H),
  }
  return analysis
}

/** Forecasts of [start, end) in chunks of the horizon from the actual history, with conformal bands. */
export function evaluateRange(
  predictor: Predictor,
  zc: ZColumns,
  target: ArrayLike<number>,
  range: { start: number; end: number },
  calibration: ConformalCalibration,
  which: number,
): RangeEvaluation {
  const H = predictor.state.config.horizon
  const chunks = chunksOf(range.start, range.end, H)
  const parts = chunks.map(
    (chunk) => predictOriginal(predictor, zc, target, [chunk.origin - zc.lag], chunk.steps, which)[0],
  )
  const bands = parts.map((part, i) =>
    targetIntervals(
      calibration,
      part,
      intervalContext(predictor.state, which, valuesBefore(target, chunks[i].origin)),
    ),
  )
  const lower: Record<number, Float64Array> = {}
  const upper: Record<number, Float64Array> = {}
  for (const level of calibration.levels) {
    lower[level] = concat(bands.map((band) => band.find((b) => b.level === level)!.lower))
    upper[level] = concat(bands.map((band) => band.find((b) => b.level === level)!.upper))
  }
  const forecast = concat(parts)
  const actual = Float64Array.from(Array.prototype.slice.call(target, range.start, range.end) as number[])
  const metrics = evaluateForecast({
    actual,
    forecast,
    train: Float64Array.from(valuesBefore(target, range.start)),
    m: predictor.state.period,
    intervals: calibration.levels.map((level) => ({ level, lower: lower[level], upper: upper[level] })),
  })
  return { ...range, forecast, actual, lower, upper, metrics }
}

/** Every target's validation analysis from its own residuals, in the model's target order. */
export function analyseTargets(
  predictor: Predictor,
  prepared: Prepared,
  series: SeriesInput,
): ValidationAnalysis[] {
  return series.targets.map((target, t) => analyseValidation(predictor, prepared, target.values, t))
}
