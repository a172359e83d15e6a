import type { TrainingStartArgs } from '../../api/requests/training'
import {
  autoConfig,
  prepare,
  seriesLength,
  type PipelineConfig,
  type RunPlan,
  type SeriesInput,
} from '../../../worker/pipeline/index'
import { toPipelineConfig } from '../forecasting/pipeline-config'
import { CodedError } from '../storage'

/**
 * What a `training.start` asks the pipeline for. Auto is the command line's Auto: its horizon,
 * seed and test part come from the screen, and only the settings the person changed from
 * Auto's own plan override its rules, so untouched settings give the CLI's numbers exactly.
 */
export function runPlanOf(args: TrainingStartArgs, series: SeriesInput): RunPlan {
  if (args.forecasting.targetMode === 'auto') {
    const options = { horizon: args.config.horizon, seed: args.config.seed, test: testCountOf(args, series) }
    const own = autoConfig(series, 'level', options)
    const asked = toPipelineConfig(args.config, { ...args.forecasting, targetMode: 'level' })
    return { preset: 'auto', ...options, overrides: changedSettings(own, asked) }
  }
  const config = toPipelineConfig(args.config, args.forecasting)
  assertPreparable(series, config)
  return { preset: 'manual', config }
}

/** The test part's row count, as the Model screen sized it. */
function testCountOf(args: TrainingStartArgs, series: SeriesInput): number {
  const { test } = args.forecasting
  return 'count' in test ? test.count : Math.round((test.percent / 100) * seriesLength(series))
}

/** Settings a person chose that differ from Auto's plan (everything else stays Auto's, per candidate). */
const OVERRIDABLE = [
  'layers',
  'lookback',
  'batchSize',
  'epochs',
  'patience',
  'optimizer',
  'loss',
  'clipNorm',
  'stride',
] as const

function changedSettings(own: PipelineConfig, asked: PipelineConfig): Partial<PipelineConfig> {
  const changed: Partial<PipelineConfig> = {}
  for (const key of OVERRIDABLE)
    if (comparable(key, own[key]) !== comparable(key, asked[key]))
      Object.assign(changed, { [key]: asked[key] })
  return changed
}

/** Optimizer settings left at their defaults compare equal whether or not they are spelled out. */
function comparable(key: (typeof OVERRIDABLE)[number], value: unknown): string {
  if (key !== 'optimizer') return JSON.stringify(value)
  const optimizer = value as { name: string; lr: number; weightDecay?: number; momentum?: number }
  return JSON.stringify([optimizer.name, optimizer.lr, optimizer.weightDecay ?? 0, optimizer.momentum ?? 0])
}

/**
 * The pipeline refuses what cannot work on this series (a log of non-positive values, a split
 * that leaves no training window, seasonal differencing without a period) with a RangeError
 * written for people; it reaches the Model screen as INVALID_SETTINGS before anything trains.
 */
function assertPreparable(series: SeriesInput, config: PipelineConfig): void {
  try {
    prepare(series, config)
  } catch (error) {
    if (error instanceof RangeError) throw new CodedError('INVALID_SETTINGS', error.message, { cause: error })
    throw error
  }
}
