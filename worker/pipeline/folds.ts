import { calibratePerStep } from './calibration'
import { toZColumns } from './columns'
import type { ConformalCalibration } from '../statistics/index'
import { analyseValidation } from './evaluate'
import { firstOrigin } from './inputs'
import { stepsPerCall } from './network-shape'
import type { Prepared } from './prepare'
import type { TrainedRun } from './run'
import { validationScoreOf } from './validation-score'
import type { PipelineConfig, SeriesInput } from './types'

/**
 * Rolling validation origins. One validation part of a horizon's length is a single, often
 * unrepresentative stretch: a mode or a correction share that wins there may lose on the next.
 * Earlier folds repeat the same rules with the split shifted back by whole validation parts
 * (each fold's network sees only the data before its own validation part), and Auto judges
 * every choice on all folds' validation errors pooled together.
 */

/** Validation points Auto aims for in total; short validation parts get earlier folds. */
const TARGET_POINTS = 60
const MAX_FOLDS = 3

function countOf(size: PipelineConfig['split']['validation']): number {
  return 'count' in size ? size.count : 0
}

/** Training windows a split leaves (the same formula prepare uses, before striding). */
function windowsLeft(config: PipelineConfig, n: number, m: number, shift: number): number {
  const trainLength = n - countOf(config.split.test) - countOf(config.split.validation) - shift
  const first = firstOrigin(config.lookback, config.targetMode, m)
  return trainLength - first - stepsPerCall(config) + 1
}

/**
 * Configurations of the earlier folds: fold j moves the validation part j validation lengths
 * back (the points in between join the test part, so nothing after it is read). A fold is kept
 * only while it leaves at least half the main fold's training windows, so no fold is judged by
 * a network starved of data.
 */
export function earlierFolds(config: PipelineConfig, n: number, m: number): PipelineConfig[] {
  const validation = countOf(config.split.validation)
  if (validation === 0) return []
  const folds = Math.min(MAX_FOLDS, Math.ceil(TARGET_POINTS / validation))
  const mainWindows = windowsLeft(config, n, m, 0)
  const configs: PipelineConfig[] = []
  for (let j = 1; j < folds; j++) {
    if (windowsLeft(config, n, m, j * validation) < mainWindows / 2) break
    const test = countOf(config.split.test) + j * validation
    configs.push({ ...config, split: { validation: config.split.validation, test: { count: test } } })
  }
  return configs
}

function withWeight(run: TrainedRun, residualWeight: number) {
  const state = { ...run.prepared.state, config: { ...run.prepared.state.config, residualWeight } }
  return { predictor: { ...run.predictor, state }, prepared: { ...run.prepared, state } }
}

/** Residuals of `run`'s network for target `which` on the validation part of `later` (a later fold it never saw). */
function residualsOnLaterFold(
  series: SeriesInput,
  run: TrainedRun,
  weight: number,
  later: Prepared,
  which: number,
) {
  const { predictor } = withWeight(run, weight)
  const zc = toZColumns(predictor.state, series)
  const prepared = { ...later, zc, state: predictor.state }
  return analyseValidation(predictor, prepared, series.targets[which].values, which).residuals
}

function meanAbsolute(residuals: Float64Array[]): number {
  let sum = 0
  let count = 0
  for (const r of residuals)
    for (const v of r)
      if (Number.isFinite(v)) {
        sum += Math.abs(v)
        count++
      }
  return count > 0 ? sum / count : NaN
}

/** What every fold's validation says about one choice (residual weight, combination…). */
export interface PooledValidation {
  /** Every target's pooled error as one number (validation-score.ts). */
  score: number
  /** Each target's pooled mean absolute error (original units). */
  targetScores: number[]
  /** Each target's intervals, calibrated per step on the folds' residuals. */
  calibrations: ConformalCalibration[]
}

/**
 * Every fold's validation residuals under one residual weight, pooled into one score. The
 * intervals are calibrated on errors the networks were not selected on where possible: each
 * earlier fold's network forecasting the next fold's validation part (early stopping and the
 * correction share were chosen on its own part, which makes those errors optimistic), plus
 * the main fold's own validation errors, for which no later part exists before the test.
 */
export function pooledValidation(
  series: SeriesInput,
  runs: TrainedRun[],
  residualWeight: number,
): PooledValidation {
  const horizon = runs[0].prepared.state.config.horizon
  const perTarget = series.targets.map((target, which) => {
    const own = runs.map((run) => {
      const { predictor, prepared } = withWeight(run, residualWeight)
      return analyseValidation(predictor, prepared, target.values, which).residuals
    })
    const unseen = runs
      .slice(1)
      .flatMap((run, j) => residualsOnLaterFold(series, run, residualWeight, runs[j].prepared, which))
    return { error: meanAbsolute(own.flat()), calibration: calibratePerStep([...own[0], ...unseen], horizon) }
  })
  const targetScores = perTarget.map((target) => target.error)
  return {
    score: validationScoreOf(
      series,
      runs[0].prepared.split.train.end,
      runs[0].prepared.state.period,
      targetScores,
    ),
    targetScores,
    calibrations: perTarget.map((target) => target.calibration),
  }
}
