import type { ModelSpec } from '../engine/index'
import { paramCount } from '../engine/index'
import { inProcessTrainer } from '../training/in-process-trainer'
import { defaultShardSize, type TrainSettings } from '../training/settings'
import type { Trainer, TrainEpoch, TrainOutcome } from '../training/trainer'
import {
  asksForExtraInputs,
  panelInputSize,
  type PanelInputEncoding,
  type SeriesFeatures,
} from './panel-features'
import type { PanelConfig } from './types'
import { buildWindows, type Cut } from './window-builder'
import { cutRanges, sampleCuts } from './window-sampler'

/**
 * One recurrent stack trained on windows from every series of a panel, through the same Trainer
 * contract as single-series runs (so it runs on the pool, with live epochs and job control).
 * The last `horizon` points of each series' training part are its validation block: training
 * windows end before it, and one window per series forecasts it for early stopping.
 */

export interface GlobalModel {
  spec: ModelSpec
  /** Every ensemble member's weights, back to back. */
  params: Float32Array
  members: TrainOutcome[]
  /** Training windows per member and series that gave any. */
  windowsPerMember: number
  seriesTrained: number
  seriesValidated: number
  /** The extra inputs' encoding (static attributes, calendar), absent for a plain network. */
  inputs?: PanelInputEncoding
}

export interface GlobalTrainingOptions {
  trainer?: Trainer
  onEpoch?: (member: number, report: TrainEpoch) => void
  /** Each series' extra inputs, when the configuration asks for any (panel-features.ts). */
  features?: SeriesFeatures
}

/** The network's shape; its inputs per step follow from the extra inputs' encoding (2 without). */
export function panelSpec(
  config: Pick<PanelConfig, 'layers' | 'horizon'>,
  inputs?: PanelInputEncoding | null,
): ModelSpec {
  return {
    inputSize: panelInputSize(inputs),
    outputSize: config.horizon,
    layers: config.layers.map((l) => ({ ...l })),
  }
}

function settingsFor(config: PanelConfig, spec: ModelSpec, seed: number): TrainSettings {
  return {
    spec,
    lookback: config.lookback,
    batchSize: config.batchSize,
    epochs: config.epochs,
    patience: config.patience,
    optimizer: { name: 'adam', lr: config.lr },
    // Halving the step when validation stalls lets the last epochs refine instead of wander.
    schedule: { kind: 'plateau', patience: 3, factor: 0.5 },
    clipNorm: 1,
    loss: config.loss,
    seed,
    backend: 'auto',
    truncateSteps: 0,
    shardSize: defaultShardSize(config.batchSize),
  }
}

/** One window per series from the end of its fit part, when it has enough observed inputs. */
export function validationCuts(series: readonly Float64Array[], config: PanelConfig): Cut[] {
  const cuts: Cut[] = []
  series.forEach((values, s) => {
    const origin = values.length - config.horizon
    if (origin >= config.minObserved) cuts.push({ series: s, origin })
  })
  return cuts
}

export async function trainGlobalModel(
  series: readonly Float64Array[],
  config: PanelConfig,
  options: GlobalTrainingOptions = {},
): Promise<GlobalModel> {
  const { horizon, lookback, scaling } = config
  const ranges = cutRanges(
    series.map((values) => values.length - horizon),
    config.minObserved,
    horizon,
  )
  if (ranges.length === 0)
    throw new RangeError(
      `no series is long enough to train on: one needs ${config.minObserved + 2 * horizon} points ` +
        `(${config.minObserved} inputs, the ${horizon}-point target and the ${horizon}-point validation block)`,
    )
  const shape = { lookback, horizon, scaling }
  const { features } = options
  // A configuration that asks for extra inputs must not silently train a plain network.
  if (asksForExtraInputs(config) !== (features !== undefined))
    throw new RangeError(
      features
        ? 'extra inputs were given for a configuration that asks for none'
        : 'the configuration asks for static, calendar or known-future inputs: give each series its features (panelFeatures)',
    )
  const spec = panelSpec(config, features?.encoding)
  const validation = buildWindows(series, validationCuts(series, config), shape, features)
  const hasValidation = validation.references.length > 0
  const trainer = options.trainer ?? inProcessTrainer
  let windowsPerMember = 0
  const members = await Promise.all(
    Array.from({ length: config.ensemble }, (_, member) => {
      const seed = (config.seed + member) >>> 0
      // Each member draws its own windows: the ensemble also averages over samples.
      const train = buildWindows(series, sampleCuts(ranges, config.windowsPerEpoch, seed), shape, features)
      windowsPerMember = train.references.length
      return trainer({
        role: { stage: 'train', member: member + 1, members: config.ensemble },
        settings: settingsFor(config, spec, seed),
        windows: {
          inputSize: spec.inputSize,
          outputSize: horizon,
          train: { x: train.x, y: train.y },
          validation: hasValidation ? { x: validation.x, y: validation.y } : null,
        },
        onEpoch: options.onEpoch ? (report) => options.onEpoch?.(member, report) : undefined,
      })
    }),
  )
  const size = paramCount(spec)
  const params = new Float32Array(members.length * size)
  members.forEach((outcome, i) => params.set(outcome.params, i * size))
  return {
    spec,
    params,
    members,
    windowsPerMember,
    seriesTrained: ranges.length,
    seriesValidated: validation.references.length,
    ...(features ? { inputs: features.encoding } : {}),
  }
}
