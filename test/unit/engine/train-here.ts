import type { ModelSpec, OptimizerConfig } from '../../../worker/engine/index'
import { inProcessTrainer } from '../../../worker/training/in-process-trainer'
import { plainTrainSettings } from '../../../worker/training/settings'
import type { TrainOutcome } from '../../../worker/training/trainer'

export interface TrainHere {
  spec: ModelSpec
  train: { x: ArrayLike<number>; y: ArrayLike<number> }
  validation?: { x: ArrayLike<number>; y: ArrayLike<number> }
  steps: number
  batchSize: number
  epochs: number
  optimizer: OptimizerConfig
  seed: number
  clipNorm?: number
  patience?: number
}

/** The one training loop, in this thread, with the engine tests' short option names. */
export function trainHere(options: TrainHere): Promise<TrainOutcome> {
  return inProcessTrainer({
    role: { stage: 'train', member: 1, members: 1 },
    settings: plainTrainSettings(
      {
        spec: options.spec,
        lookback: options.steps,
        batchSize: options.batchSize,
        epochs: options.epochs,
        seed: options.seed,
      },
      { patience: options.patience ?? 0, optimizer: options.optimizer, clipNorm: options.clipNorm ?? 0 },
    ),
    windows: {
      inputSize: options.spec.inputSize,
      outputSize: options.spec.outputSize,
      train: options.train,
      validation: options.validation ?? null,
    },
  })
}
