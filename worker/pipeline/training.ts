import { createModel, findParam, paramCount, type Backend, type Precision } from '../engine/index'
import { membersOf } from './predict'
import { chooseBackend, type BackendChoice } from './backend'
import type { Prepared } from './prepare'
import { fitTrainer, type TrainEpoch, type Trainer, type TrainOutcome } from './trainer'

export interface TrainingOptions {
  trainer?: Trainer
  backend?: BackendChoice
  /** Warm start (fine-tuning) from these weights. */
  initialParams?: Float32Array | Float64Array
  epochs?: number
  /** Epochs per ensemble member (overrides `epochs`), e.g. each member's own early-stopped count. */
  memberEpochs?: number[]
  onEpoch?: (report: TrainEpoch) => void
}

export interface TrainedNetwork {
  backend: Backend
  precision: Precision
  /** First member's history, with `params` holding every member. */
  outcome: TrainOutcome
  members: TrainOutcome[]
}

/** Mean squared error over the defined (non-NaN) targets of the validation windows. */
export function maskedValidationLoss(
  backend: Backend,
  prepared: Prepared,
): ((params: Float32Array | Float64Array) => number) | undefined {
  const count = prepared.validationOrigins.length
  if (count === 0) return undefined
  const { x, y } = prepared.validation
  return (params) => {
    const input = params instanceof Float32Array ? Float32Array.from(x) : x
    const out = params instanceof Float32Array ? new Float32Array(y.length) : new Float64Array(y.length)
    backend.forward(params, input, count, prepared.shape.lookback, out)
    let sum = 0
    let defined = 0
    for (let i = 0; i < y.length; i++) {
      if (Number.isNaN(y[i])) continue
      sum += (out[i] - y[i]) ** 2
      defined++
    }
    return sum / defined
  }
}

/**
 * A residual network starts as "no correction": with a zero head its output is exactly the
 * seasonal-naive forecast, and training keeps that start unless some epoch beats it on validation.
 */
function zeroHeadStart(prepared: Prepared, precision: Precision, seed: number): Float32Array | Float64Array {
  const model = createModel(prepared.state.spec, { seed, precision })
  for (const name of ['head.W', 'head.b']) {
    const entry = findParam(model.layout, name)
    model.params.fill(0, entry.offset, entry.offset + entry.size)
  }
  return model.params
}

/** Trains `config.ensemble` members (seeds seed, seed + 1, …); params holds them back to back. */
export async function trainNetwork(
  prepared: Prepared,
  options: TrainingOptions = {},
): Promise<TrainedNetwork> {
  const { config, spec } = prepared.state
  const { backend, precision } = await chooseBackend(spec, options.backend)
  const starts = options.initialParams ? membersOf(options.initialParams, spec) : null
  if (starts && starts.length !== config.ensemble)
    throw new RangeError(`warm start has ${starts.length} members, the configuration ${config.ensemble}`)
  const outcomes: TrainOutcome[] = []
  for (let member = 0; member < config.ensemble; member++) {
    const seed = (config.seed + member) >>> 0
    const epochs = options.memberEpochs?.[member] ?? options.epochs ?? config.epochs
    outcomes.push(
      await trainMember(prepared, options, { backend, precision, seed, epochs, start: starts?.[member] }),
    )
  }
  const params =
    precision === 'float32'
      ? new Float32Array(outcomes.length * paramCount(spec))
      : new Float64Array(outcomes.length * paramCount(spec))
  outcomes.forEach((outcome, i) => params.set(outcome.params, i * paramCount(spec)))
  return { backend, precision, outcome: { ...outcomes[0], params }, members: outcomes }
}

interface MemberSetup {
  backend: Backend
  precision: Precision
  seed: number
  epochs: number
  start?: Float32Array | Float64Array
}

async function trainMember(prepared: Prepared, options: TrainingOptions, setup: MemberSetup) {
  const { config, spec } = prepared.state
  const { backend, precision } = setup
  const trainer = options.trainer ?? fitTrainer
  const residualStart = config.targetMode === 'seasonalResidual' && !setup.start
  const initialParams = residualStart ? zeroHeadStart(prepared, precision, setup.seed) : setup.start
  // No epochs: the member is its start; pluggable trainers never see an empty request.
  if (setup.epochs === 0) {
    const params = initialParams ?? createModel(spec, { seed: setup.seed, precision }).params
    return { params, bestEpoch: -1, epochsRun: 0, trainLoss: [], valLoss: [] }
  }
  return trainer({
    spec,
    precision,
    backend,
    train: prepared.train,
    steps: prepared.shape.lookback,
    batchSize: config.batchSize,
    epochs: setup.epochs,
    patience: config.patience,
    optimizer: config.optimizer,
    schedule: config.schedule,
    clipNorm: config.clipNorm,
    loss: config.loss,
    seed: setup.seed,
    initialParams,
    keepInitialIfBest: residualStart,
    validationLoss: maskedValidationLoss(backend, prepared),
    onEpoch: options.onEpoch,
  })
}
