import { scoreBaselines, type BaselineScore } from './baselines'
import { runBacktest, type PipelineBacktest } from './backtest'
import { evaluateRange, type RangeEvaluation } from './evaluate'
import type { RunOptions, TrainedRun } from './run'
import { calibrationOf, targetValues } from './targets'
import type { PipelineConfig, SeriesInput } from './types'

/** How one target of a trained run fares on validation, on test beside the baselines, and in the backtest. */
export interface TargetJudgement {
  validation: RangeEvaluation | null
  test: (RangeEvaluation & { baselines: Record<string, BaselineScore> }) | null
  backtest: PipelineBacktest | null
}

/** Judges target `which` (0 = primary) with its own calibration, baselines and backtest. */
export async function judgeTarget(
  series: SeriesInput,
  run: TrainedRun,
  which: number,
  retrain: (shorter: SeriesInput, config: PipelineConfig) => Promise<TrainedRun>,
  options: RunOptions,
  notes: string[],
): Promise<TargetJudgement> {
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
      ? (['naive', 'seasonalNaive', 'drift', 'mean'] as const)
      : (['naive', 'seasonalNaive', 'drift', 'mean', 'ets'] as const)
    test = {
      ...evaluation,
      baselines: scoreBaselines(target, split.test.start, split.test.end, H, m, [...names]),
    }
  }
  const backtest = options.quick ? null : await runBacktest(series, run, retrain, notes, which)
  return { validation, test, backtest }
}
