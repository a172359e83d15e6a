import { checkCalendarFeatures } from './calendar'
import { checkCombination } from './combination'
import type { PipelineConfig } from './types'
import { TARGET_MODES } from './target-mode'

/** A small, safe configuration; Auto replaces most of it from the series' shape. */
export function defaultConfig(overrides: Partial<PipelineConfig> = {}): PipelineConfig {
  return {
    layers: [{ cell: 'lstm', units: 32, dropout: 0 }],
    lookback: 24,
    horizon: 12,
    stride: 1,
    strategy: 'direct',
    transforms: { scaling: 'zscore', log: 'none', difference: 'none' },
    targetMode: 'level',
    residualWeight: 1,
    split: { validation: { percent: 15 }, test: { percent: 15 } },
    optimizer: { name: 'adam', lr: 0.005 },
    schedule: { kind: 'constant' },
    batchSize: 32,
    epochs: 100,
    patience: 15,
    clipNorm: 1,
    loss: 'mse',
    seed: 1,
    ensemble: 1,
    backtest: { origins: 3, refit: false },
    calendar: [],
    ...overrides,
  }
}

function positiveInteger(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${what} must be a positive integer, got ${value}`)
}

/** Throws a RangeError naming the first setting that cannot work. */
export function validateConfig(config: PipelineConfig): void {
  positiveInteger(config.lookback, 'lookback')
  positiveInteger(config.horizon, 'horizon')
  positiveInteger(config.stride, 'stride')
  positiveInteger(config.batchSize, 'batchSize')
  positiveInteger(config.epochs, 'epochs')
  positiveInteger(config.ensemble, 'ensemble')
  if (!Number.isInteger(config.patience) || config.patience < 0)
    throw new RangeError(`patience must be a whole number ≥ 0, got ${config.patience}`)
  if (config.layers.length === 0) throw new RangeError('at least one layer is required')
  if (config.strategy !== 'direct' && config.strategy !== 'recursive')
    throw new RangeError(`strategy must be direct or recursive, got ${String(config.strategy)}`)
  if (!TARGET_MODES.includes(config.targetMode))
    throw new RangeError(
      `targetMode must be one of ${TARGET_MODES.join(', ')}, got ${String(config.targetMode)}`,
    )
  if (!(config.residualWeight >= 0 && config.residualWeight <= 1))
    throw new RangeError(`residualWeight must be in [0, 1], got ${config.residualWeight}`)
  const { origins } = config.backtest
  if (!Number.isInteger(origins) || origins < 0)
    throw new RangeError(`backtest origins must be a whole number ≥ 0, got ${origins}`)
  if (!(config.clipNorm >= 0)) throw new RangeError(`clipNorm must be ≥ 0, got ${config.clipNorm}`)
  if (config.calendar !== undefined && !Array.isArray(config.calendar))
    throw new RangeError('calendar must be a list of features (month, dayOfWeek, hour)')
  checkCalendarFeatures(config.calendar ?? [])
  if (config.combination !== undefined) checkCombination(config.combination)
}
