import type { OptimizerConfig } from '../../../worker/engine/index'
import { defaultShardSize, type TrainSettings } from '../../../worker/training/settings'
import { trainingConfigSchema, type TrainingConfigInput } from '../../api/requests/training'

/**
 * The API's training settings (what a person chooses) in the training loop's terms (what the
 * engine needs). `outputs`: values per window, the horizon unless the windows say otherwise
 * (several targets write the horizon per target).
 */
export function trainSettingsOf(
  input: TrainingConfigInput,
  windows: { inputSize: number; outputSize?: number },
): TrainSettings {
  const config = trainingConfigSchema.parse(input)
  return {
    spec: {
      inputSize: windows.inputSize,
      layers: config.layers.map(({ cell, units, dropout }) => ({ cell, units, dropout })),
      outputSize: windows.outputSize ?? config.horizon,
    },
    lookback: config.lookback,
    batchSize: config.batchSize,
    epochs: config.epochs,
    patience: config.patience,
    optimizer: optimizerOf(config.optimizer),
    schedule: config.schedule,
    clipNorm: config.clipNorm ?? 0,
    loss: config.loss,
    seed: config.seed,
    backend: config.backend,
    truncateSteps: config.truncateSteps,
    shardSize: config.shardSize ?? defaultShardSize(config.batchSize),
  }
}

function optimizerOf(optimizer: {
  kind: 'adam' | 'adamw' | 'sgd'
  lr: number
  weightDecay: number
  momentum: number
}): OptimizerConfig {
  const { kind, lr, weightDecay, momentum } = optimizer
  return kind === 'sgd' ? { name: 'sgd', lr, weightDecay, momentum } : { name: kind, lr, weightDecay }
}
