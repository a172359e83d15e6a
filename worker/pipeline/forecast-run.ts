import { defaultConfig } from './config'
import { runAuto, type AutoCandidate, type AutoOptions } from './auto'
import type { CombinationRule, CombinationScore } from './choose-combination'
import { runPipeline, type PipelineResult, type RunOptions } from './run'
import type { PipelineConfig, SeriesInput, TargetMode } from './types'

/** What to run: Auto's rules (tuned by overrides), or exactly one configuration. */
export type RunPlan =
  | ({ preset: 'auto' } & Pick<AutoOptions, 'horizon' | 'test' | 'seed' | 'modes' | 'overrides'>)
  | { preset: 'manual'; config: Partial<PipelineConfig> }

export interface ForecastRunResult extends PipelineResult {
  preset: RunPlan['preset']
  /** The configuration that was judged and refitted (Auto: the chosen candidate's). */
  config: PipelineConfig
  /** Auto only: the candidate kept and every candidate's pooled validation score. */
  chosen?: TargetMode
  candidates?: AutoCandidate[]
  /** Auto only: the chosen network combined with ETS at every share tried (the kept one is in `config.combination`). */
  combinations?: CombinationScore[]
  /** Auto only: how the kept weights were picked from `combinations` (by the series' length). */
  combinationRule?: CombinationRule
  /** Auto only: 'statistical' when the series was too short for any network (ETS forecast it). */
  method?: 'network' | 'statistical'
}

/**
 * A forecast, computed one way whoever asks (the app, the command line, a benchmark): train
 * with an honest holdout, judge, refit on all the data, forecast ahead. `options.trainer`
 * decides where the networks train; the numbers do not depend on it.
 */
export async function forecastRun(
  series: SeriesInput,
  plan: RunPlan,
  options: RunOptions = {},
): Promise<ForecastRunResult> {
  if (plan.preset === 'manual') {
    const config = defaultConfig(plan.config)
    const result = await runPipeline(series, config, options)
    return { ...result, preset: 'manual', config }
  }
  const { preset: _preset, ...auto } = plan
  const result = await runAuto(series, { ...options, ...auto })
  return {
    ...result.result,
    preset: 'auto',
    config: result.config,
    chosen: result.chosen,
    candidates: result.candidates,
    combinations: result.combinations,
    combinationRule: result.combinationRule,
    method: result.method,
  }
}
