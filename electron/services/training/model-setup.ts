import type { ModelSpec, OptimizerConfig } from '../../../worker/engine/index'
import type { TrainingConfig } from '../../api/requests/training'

/** `outputSize`: values per window, the horizon unless the windows say otherwise (several targets). */
export function modelSpecOf(
  config: TrainingConfig,
  inputSize: number,
  outputSize = config.horizon,
): ModelSpec {
  return {
    inputSize,
    layers: config.layers.map((layer) => ({ cell: layer.cell, units: layer.units, dropout: layer.dropout })),
    outputSize,
  }
}

export function optimizerConfigOf(config: TrainingConfig): OptimizerConfig {
  const { kind, lr, weightDecay, momentum } = config.optimizer
  if (kind === 'sgd') return { name: 'sgd', lr, weightDecay, momentum }
  return { name: kind, lr, weightDecay }
}
