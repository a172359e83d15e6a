import { calibratePerStep } from './calibration'
import { analyseValidation, type ValidationAnalysis } from './evaluate'
import type { TrainedRun } from './run'
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
  const first = Math.max(config.lookback, config.targetMode === 'seasonalResidual' ? m : 0)
  return trainLength - first - config.horizon + 1
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

/** Every fold's validation residuals under one residual weight, pooled into one score and calibration. */
export function pooledValidation(
  series: SeriesInput,
  runs: TrainedRun[],
  residualWeight: number,
): ValidationAnalysis {
  const residuals: Float64Array[] = []
  for (const run of runs) {
    const state = { ...run.prepared.state, config: { ...run.prepared.state.config, residualWeight } }
    const analysis = analyseValidation({ ...run.predictor, state }, { ...run.prepared, state }, series.target)
    residuals.push(...analysis.residuals)
  }
  let sum = 0
  let count = 0
  for (const r of residuals)
    for (const v of r)
      if (Number.isFinite(v)) {
        sum += Math.abs(v)
        count++
      }
  const horizon = runs[0].prepared.state.config.horizon
  return {
    residuals,
    score: count > 0 ? sum / count : NaN,
    calibration: calibratePerStep(residuals, horizon),
  }
}
