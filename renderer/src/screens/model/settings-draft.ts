import { forecastingSettingsSchema, trainingConfigSchema } from '../../../../electron/api/requests/training'
import { newLayer, type ModelDraft } from './draft'
import type { ForecastingSettings, TrainingConfig } from './settings-schema'
import { fromSplitSize } from './split-size'

/**
 * The Model screen's draft for settings in the contract's terms (what `training.start` took): the
 * Auto plan's, or a past run's. `workers` is the machine's, not the settings': a run recorded on
 * another machine must not ask this one for more threads than it has.
 */
export function draftFromSettings(
  config: TrainingConfig,
  forecasting: ForecastingSettings,
  workers: number,
): ModelDraft {
  return {
    layers: config.layers.map((layer) => newLayer(layer.cell, layer.units, layer.dropout)),
    lookback: config.lookback,
    horizon: config.horizon,
    stride: forecasting.stride,
    strategy: forecasting.strategy,
    scaling: forecasting.scaling,
    log: forecasting.log,
    difference: forecasting.difference,
    targetMode: forecasting.targetMode,
    validation: fromSplitSize(forecasting.validation),
    test: fromSplitSize(forecasting.test),
    backtest: { ...forecasting.backtest },
    calendar: [...forecasting.calendar],
    optimizer: { ...config.optimizer },
    schedule: { ...config.schedule },
    batchSize: config.batchSize,
    epochs: config.epochs,
    patience: config.patience,
    clipNorm: config.clipNorm,
    loss: config.loss,
    seed: config.seed,
    workers,
  }
}

/** Where a run's recorded settings could not be read back (an older or damaged record). */
export class UnreadableRunSettings extends Error {}

/**
 * A past run's draft from its record's `config` (the `training.start` arguments it was started
 * with), read through the contract's own schemas, so a record that no longer fits them is refused
 * with the reason instead of filling the form with half of it.
 */
export function draftFromRun(recorded: Record<string, unknown>, workers: number): ModelDraft {
  const config = trainingConfigSchema.safeParse(recorded.config)
  const forecasting = forecastingSettingsSchema.safeParse(recorded.forecasting ?? {})
  if (!config.success) throw new UnreadableRunSettings(config.error.issues[0]?.message ?? 'config')
  if (!forecasting.success)
    throw new UnreadableRunSettings(forecasting.error.issues[0]?.message ?? 'forecasting')
  return draftFromSettings(config.data, forecasting.data, Math.min(workers, config.data.workers ?? workers))
}

/** The dataset a past run trained on, from its recorded `training.start` arguments. */
export function runDatasetId(recorded: Record<string, unknown>): string | null {
  const source = recorded.source as { datasetId?: unknown } | undefined
  return typeof source?.datasetId === 'string' ? source.datasetId : null
}
