import { backendForParams, type BackendKind } from '../engine/backend-choice'
import { createModel, findParam, paramCount, type Backend } from '../engine/index'
import { inProcessTrainer } from '../training/in-process-trainer'
import type { TrainSettings } from '../training/settings'
import { defaultShardSize } from '../training/settings'
import type { NetworkRole } from '../training/network-role'
import { startingWeights, untrainedOutcome } from '../training/starting-weights'
import type { Trainer, TrainEpoch, TrainOutcome } from '../training/trainer'
import { membersOf } from './predict'
import { isResidualMode } from './target-mode'
import type { Prepared } from './prepare'

export interface TrainingOptions {
  /** Who trains: the pool in the app, the command line and the benchmarks; this thread by default. */
  trainer?: Trainer
  backend?: BackendKind
  /** Warm start from these weights (every member back to back). */
  initialParams?: Float32Array
  epochs?: number
  /** Epochs per ensemble member (overrides `epochs`), e.g. each member's own early-stopped count. */
  memberEpochs?: number[]
  /** This training's place in the run (candidate, fold, final fit), for naming its networks. */
  role?: RunStage
  onEpoch?: (report: TrainEpoch) => void
}

/** A network's role without its member number: what a whole ensemble's training is for. */
export type RunStage = Omit<NetworkRole, 'member' | 'members'>

export interface TrainedNetwork {
  /** The backend predictions use (training ran wherever the trainer runs). */
  backend: Backend
  /** First member's history, with `params` holding every member. */
  outcome: TrainOutcome
  members: TrainOutcome[]
  /** The run was stopped before some member could train (its weights are only a start). */
  skipped: boolean
}

/** The training loop's settings for one member of this configuration. */
export function trainSettingsFor(
  prepared: Prepared,
  seed: number,
  epochs: number,
  backend: BackendKind = 'auto',
): TrainSettings {
  const { config, spec } = prepared.state
  return {
    spec,
    lookback: prepared.shape.lookback,
    batchSize: config.batchSize,
    epochs,
    patience: config.patience,
    optimizer: config.optimizer,
    schedule: config.schedule,
    clipNorm: config.clipNorm,
    loss: config.loss,
    seed,
    backend,
    truncateSteps: 0,
    shardSize: defaultShardSize(config.batchSize),
  }
}

/**
 * A residual network starts as "no correction": with a zero head its output is exactly the
 * seasonal-naive forecast, and training keeps that start unless some epoch beats it on validation.
 */
function zeroHeadStart(prepared: Prepared, seed: number): Float32Array {
  const model = createModel(prepared.state.spec, { seed, precision: 'float32' })
  for (const name of ['head.W', 'head.b']) {
    const entry = findParam(model.layout, name)
    model.params.fill(0, entry.offset, entry.offset + entry.size)
  }
  return model.params as Float32Array
}

/**
 * Trains `config.ensemble` members (seeds seed, seed + 1, …), all requested at once so a pool
 * trains them side by side; params holds them back to back.
 */
export async function trainNetwork(
  prepared: Prepared,
  options: TrainingOptions = {},
): Promise<TrainedNetwork> {
  const { config, spec } = prepared.state
  const starts = options.initialParams ? membersOf(options.initialParams, spec) : null
  if (starts && starts.length !== config.ensemble)
    throw new RangeError(`warm start has ${starts.length} members, the configuration ${config.ensemble}`)
  const outcomes = await Promise.all(
    Array.from({ length: config.ensemble }, (_, member) =>
      trainMember(prepared, options, member, starts?.[member] as Float32Array | undefined),
    ),
  )
  // A run stopped part-way keeps the members that trained; untrained starts would only add noise.
  const trained = outcomes.filter((outcome) => outcome.skipped !== true)
  const members = trained.length > 0 ? trained : outcomes
  const size = paramCount(spec)
  const params = new Float32Array(members.length * size)
  members.forEach((outcome, i) => params.set(outcome.params, i * size))
  const backend = await backendForParams(spec, params, options.backend)
  const skipped = trained.length < outcomes.length
  return { backend, outcome: { ...members[0], params }, members, skipped }
}

async function trainMember(
  prepared: Prepared,
  options: TrainingOptions,
  member: number,
  start: Float32Array | undefined,
): Promise<TrainOutcome> {
  const { config, spec } = prepared.state
  const seed = (config.seed + member) >>> 0
  const epochs = options.memberEpochs?.[member] ?? options.epochs ?? config.epochs
  const residualStart = isResidualMode(config.targetMode) && !start
  const initialParams = residualStart ? zeroHeadStart(prepared, seed) : start
  // No epochs: the member is its start; trainers never see an empty request.
  if (epochs === 0) return untrainedOutcome(startingWeights(spec, seed, initialParams), false)
  const trainer = options.trainer ?? inProcessTrainer
  const hasValidation = prepared.validationOrigins.length > 0
  return trainer({
    role: { ...(options.role ?? { stage: 'train' }), member: member + 1, members: config.ensemble },
    settings: trainSettingsFor(prepared, seed, epochs, options.backend),
    windows: {
      inputSize: spec.inputSize,
      outputSize: spec.outputSize,
      train: prepared.train,
      validation: hasValidation ? prepared.validation : null,
    },
    initialParams,
    scoreInitial: residualStart && hasValidation,
    onEpoch: member === 0 ? options.onEpoch : undefined,
  })
}
