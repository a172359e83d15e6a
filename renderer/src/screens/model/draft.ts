import type { z } from 'zod'
import type {
  forecastingSettingsSchema,
  TrainingConfigInput,
} from '../../../../electron/api/requests/training'
import {
  DEFAULTS,
  type CalendarFeatureName,
  type CellKind,
  type ForecastingSettings,
  type TrainingConfig,
} from './settings-schema'
import { toSplitSize, type SplitDraft } from './split-size'

type ForecastingSettingsInput = z.input<typeof forecastingSettingsSchema>

export interface LayerDraft {
  /** Stable key for the list while layers are reordered. */
  key: number
  cell: CellKind
  units: number
  dropout: number
}

export type ScheduleDraft = TrainingConfig['schedule']

/** Everything the Model screen edits; turned into a `training.start` config by toTrainingConfig. */
export interface ModelDraft {
  layers: LayerDraft[]
  lookback: number
  horizon: number
  /** Steps between training window origins (1 = every window). */
  stride: number
  strategy: ForecastingSettings['strategy']
  /** Target transforms, applied log → differencing → scaling and inverted for every output. */
  scaling: ForecastingSettings['scaling']
  log: ForecastingSettings['log']
  difference: ForecastingSettings['difference']
  /** What the network learns: levels, the correction to seasonal naive, or both (Auto keeps the better on validation). */
  targetMode: ForecastingSettings['targetMode']
  /** The validation and test parts, each in % of the rows or in points. */
  validation: SplitDraft
  test: SplitDraft
  /** Rolling-origin backtest over K origins (0 = none), with or without a refit at each. */
  backtest: { origins: number; refit: boolean }
  /** Calendar features generated from the time column and fed as known-future inputs. */
  calendar: CalendarFeatureName[]
  optimizer: TrainingConfig['optimizer']
  schedule: ScheduleDraft
  batchSize: number
  epochs: number
  patience: number
  /** null: no clipping. */
  clipNorm: number | null
  loss: TrainingConfig['loss']
  seed: number
  workers: number
}

let nextKey = 1
export function newLayer(
  cell: CellKind = DEFAULTS.layer.cell,
  units = 32,
  dropout = DEFAULTS.layer.dropout,
): LayerDraft {
  return { key: nextKey++, cell, units, dropout }
}

/** How the series becomes windows and is judged: strategy, transforms, split and backtest. */
export function toForecastingSettings(draft: ModelDraft): ForecastingSettingsInput {
  return {
    strategy: draft.strategy,
    stride: draft.stride,
    targetMode: draft.targetMode,
    scaling: draft.scaling,
    log: draft.log,
    difference: draft.difference,
    validation: toSplitSize(draft.validation),
    test: toSplitSize(draft.test),
    backtest: { origins: draft.backtest.origins, refit: draft.backtest.refit },
    calendar: [...draft.calendar],
  }
}

/** The network and optimisation part of the draft, as the training contract takes it. */
export function toTrainingConfig(draft: ModelDraft): TrainingConfigInput {
  return {
    layers: draft.layers.map(({ cell, units, dropout }) => ({ cell, units, dropout })),
    lookback: draft.lookback,
    horizon: draft.horizon,
    batchSize: draft.batchSize,
    epochs: draft.epochs,
    optimizer: { ...draft.optimizer },
    schedule: { ...draft.schedule },
    clipNorm: draft.clipNorm,
    loss: draft.loss,
    patience: draft.patience,
    seed: draft.seed,
    workers: draft.workers,
  }
}
