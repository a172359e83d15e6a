import type { ForecastingSettings, TrainingConfig } from '../../api/requests/training'
import type { OptimizerConfig } from '../../../worker/engine/index'
import { defaultConfig } from '../../../worker/pipeline/index'
import type { PipelineConfig, TargetMode } from '../../../worker/pipeline/index'
import { CodedError } from '../storage'

/** The app's training settings in the pipeline's terms (one network, the user's own choices). */
export function toPipelineConfig(config: TrainingConfig, forecasting: ForecastingSettings): PipelineConfig {
  return defaultConfig({
    layers: config.layers.map((layer) => ({ cell: layer.cell, units: layer.units, dropout: layer.dropout })),
    lookback: config.lookback,
    horizon: config.horizon,
    stride: forecasting.stride,
    strategy: forecasting.strategy,
    targetMode: singleMode(forecasting.targetMode),
    transforms: { scaling: forecasting.scaling, log: forecasting.log, difference: forecasting.difference },
    calendar: [...forecasting.calendar],
    split: { validation: forecasting.validation, test: forecasting.test },
    backtest: { origins: forecasting.backtest.origins, refit: forecasting.backtest.refit },
    optimizer: optimizerOf(config),
    schedule: config.schedule,
    batchSize: config.batchSize,
    epochs: config.epochs,
    patience: config.patience,
    clipNorm: config.clipNorm ?? 0,
    loss: config.loss,
    seed: config.seed,
    ensemble: 1,
  })
}

function optimizerOf(config: TrainingConfig): OptimizerConfig {
  const { kind, lr, weightDecay, momentum } = config.optimizer
  return kind === 'sgd' ? { name: 'sgd', lr, weightDecay, momentum } : { name: kind, lr, weightDecay }
}

/** One network learns one target; 'auto' is two networks, which the Auto run (auto-run.ts) starts. */
function singleMode(mode: ForecastingSettings['targetMode']): TargetMode {
  if (mode === 'auto')
    throw new CodedError('INVALID_ARGUMENT', "targetMode 'auto' trains two candidates and needs an Auto run")
  return mode
}
