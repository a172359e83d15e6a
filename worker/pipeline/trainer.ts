import {
  createModel,
  fit,
  type Backend,
  type FitData,
  type LossKind,
  type ModelSpec,
  type OptimizerConfig,
  type Precision,
  type ScheduleConfig,
} from '../engine/index'

/**
 * The seam between the pipeline and whatever trains the network. The default runs the engine's
 * single-threaded `fit`; the app can plug the multi-threaded pool in with the same contract.
 */
export interface TrainRequest {
  spec: ModelSpec
  precision: Precision
  /** Backend the pipeline also predicts with; a pool trainer may use its own. */
  backend: Backend
  train: FitData
  steps: number
  batchSize: number
  epochs: number
  /** Epochs without improvement of `validationLoss` before stopping; 0 = never. */
  patience: number
  optimizer: OptimizerConfig
  schedule: ScheduleConfig
  clipNorm: number
  loss: LossKind
  seed: number
  /** Warm start from these weights instead of a fresh initialisation. */
  initialParams?: Float32Array | Float64Array
  /** Score the starting weights too, so training can end exactly where it started when no epoch beats them. */
  keepInitialIfBest?: boolean
  /** Loss of the current weights on held-out windows (smaller is better). */
  validationLoss?: (params: Float32Array | Float64Array) => number
  onEpoch?: (report: TrainEpoch) => void
}

export interface TrainEpoch {
  epoch: number
  trainLoss: number
  valLoss: number | null
  best: boolean
}

export interface TrainOutcome {
  /** The best weights seen (lowest validation loss), or the last ones without validation. */
  params: Float32Array | Float64Array
  bestEpoch: number
  epochsRun: number
  trainLoss: number[]
  valLoss: number[]
}

export type Trainer = (request: TrainRequest) => Promise<TrainOutcome>

/** `fit` has no stop hook, so the epoch callback throws this to end training early. */
class PatienceExhausted extends Error {}

export const fitTrainer: Trainer = async (request) => {
  const model = createModel(request.spec, { seed: request.seed, precision: request.precision })
  if (request.initialParams) model.params.set(request.initialParams)
  const outcome: TrainOutcome = {
    params: model.params.slice(),
    bestEpoch: -1,
    epochsRun: 0,
    trainLoss: [],
    valLoss: [],
  }
  let bestLoss = Infinity
  if (request.keepInitialIfBest && request.validationLoss) bestLoss = request.validationLoss(model.params)
  const onEpoch = (epoch: number, trainLoss: number): void => {
    const valLoss = request.validationLoss ? request.validationLoss(model.params) : null
    const monitored = valLoss ?? trainLoss
    const best = monitored < bestLoss
    if (best) {
      bestLoss = monitored
      outcome.bestEpoch = epoch
      outcome.params.set(model.params)
    }
    outcome.epochsRun = epoch + 1
    outcome.trainLoss.push(trainLoss)
    if (valLoss !== null) outcome.valLoss.push(valLoss)
    request.onEpoch?.({ epoch, trainLoss, valLoss, best })
    if (request.patience > 0 && epoch - outcome.bestEpoch >= request.patience) throw new PatienceExhausted()
  }
  try {
    fit({
      spec: request.spec,
      train: request.train,
      steps: request.steps,
      batchSize: request.batchSize,
      epochs: request.epochs,
      optimizer: request.optimizer,
      schedule: request.schedule,
      seed: request.seed,
      loss: request.loss,
      precision: request.precision,
      clipNorm: request.clipNorm > 0 ? request.clipNorm : undefined,
      backend: request.backend,
      model,
      onEpoch: (report) => onEpoch(report.epoch, report.trainLoss),
    })
  } catch (error) {
    if (!(error instanceof PatienceExhausted)) throw error
  }
  return outcome
}
