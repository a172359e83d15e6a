import { scoreBaselines, type BaselineScore } from './baselines'
import type { PipelineBacktest } from './backtest'
import { evaluateRange, type RangeEvaluation } from './evaluate'
import type { RunOptions, TrainedRun } from './run'
import { calibrationOf, targetValues } from './targets'
import type { SeriesInput } from './types'

/** How one target of a trained run fares on validation, on test beside the baselines, and in the backtest. */
export interface TargetJudgement {
  validation: RangeEvaluation | null
  test: (RangeEvaluation & { baselines: Record<string, BaselineScore> }) | null
  backtest: PipelineBacktest | null
}

/** Judges target `which` with its own calibration and baselines; its backtest is given. */
export function judgeTarget(
  series: SeriesInput,
  run: TrainedRun,
  which: number,
  options: RunOptions,
  backtest: PipelineBacktest | null,
): TargetJudgement {
  const { prepared, predictor } = run
  const { split, zc } = prepared
  const m = prepared.state.period
  const H = prepared.state.config.horizon
  const target = targetValues(series)[which]
  const calibration = calibrationOf(run.model, which)
  const validation =
    split.validation.end > split.validation.start
      ? evaluateRange(predictor, zc, target, split.validation, calibration, which)
      : null
  let test: TargetJudgement['test'] = null
  if (split.test.end > split.test.start) {
    const evaluation = evaluateRange(predictor, zc, target, split.test, calibration, which)
    const names = options.quick
      ? (['naive', 'seasonalNaive', 'drift', 'mean', 'theta'] as const)
      : (['naive', 'seasonalNaive', 'drift', 'mean', 'ets', 'theta'] as const)
    test = {
      ...evaluation,
      baselines: scoreBaselines(target, split.test.start, split.test.end, H, m, [...names]),
    }
  }
  return { validation, test, backtest }
}
