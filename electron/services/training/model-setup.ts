import type { ModelSpec, OptimizerConfig } from '../../../worker/engine/index'
import type { TrainingConfig } from '../../api/requests/training'

export function modelSpecOf(config: TrainingConfig, inputSize: number): ModelSpec {
  return {
    inputSize,
    layers: config.layers.map((layer) => ({ cell: layer.cell, units: layer.units, dropout: layer.dropout })),
    outputSize: config.horizon,
  }
}

export function optimizerConfigOf(config: TrainingConfig): OptimizerConfig {
  const { kind, lr, weightDecay, momentum } = config.optimizer
  if (kind === 'sgd') return { name: 'sgd', lr, weightDecay, momentum }
  return { name: kind, lr, weightDecay }
}
