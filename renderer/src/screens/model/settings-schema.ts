import type { z } from 'zod'
import {
  backtestSettingsSchema,
  forecastingSettingsSchema,
  optimizerSettingsSchema,
  scheduleSchema,
  trainingConfigSchema,
  trainingLayerSchema,
} from '../../../../electron/api/requests/training'

/**
 * The Model screen's vocabulary, read from the `training.start` schemas (electron/api), the one
 * definition of every setting: which values each choice has, what is left out defaults to, and
 * the schema of each number the screen edits (validation.ts reads its limits there).
 */

export type TrainingConfig = z.output<typeof trainingConfigSchema>
export type ForecastingSettings = z.output<typeof forecastingSettingsSchema>
export type CellKind = TrainingConfig['layers'][number]['cell']
export type ScheduleKind = TrainingConfig['schedule']['kind']
export type CalendarFeatureName = ForecastingSettings['calendar'][number]

const config = trainingConfigSchema.shape
const forecasting = forecastingSettingsSchema.shape

/** The values of each choice, in the contract's order. */
export const CHOICES = {
  cell: trainingLayerSchema.shape.cell.unwrap().options,
  optimizer: optimizerSettingsSchema.shape.kind.unwrap().options,
  loss: config.loss.unwrap().options,
  schedule: scheduleSchema.options.map((option) => option.shape.kind.value),
  strategy: forecasting.strategy.unwrap().options,
  targetMode: forecasting.targetMode.unwrap().options,
  scaling: forecasting.scaling.unwrap().options,
  log: forecasting.log.unwrap().options,
  difference: forecasting.difference.unwrap().options,
  calendar: forecasting.calendar.unwrap().element.options,
} as const

/** What `training.start` takes when a setting is left out. */
export const DEFAULTS = {
  forecasting: forecastingSettingsSchema.parse({}),
  layer: trainingLayerSchema.parse({ units: 1 }),
  optimizer: optimizerSettingsSchema.parse({ lr: 1 }),
  schedule: config.schedule.parse(undefined),
  loss: config.loss.parse(undefined),
}

function scheduleField(kind: ScheduleKind, field: string): z.ZodType {
  const option = scheduleSchema.options.find((candidate) => candidate.shape.kind.value === kind)
  return (option?.shape as Record<string, z.ZodType>)[field]!
}

/** The schema of each number the Model screen edits, by the field name its issues carry. */
export const NUMBER_FIELDS = {
  units: trainingLayerSchema.shape.units,
  dropout: trainingLayerSchema.shape.dropout,
  lookback: config.lookback,
  horizon: config.horizon,
  stride: forecasting.stride,
  batchSize: config.batchSize,
  epochs: config.epochs,
  lr: optimizerSettingsSchema.shape.lr,
  weightDecay: optimizerSettingsSchema.shape.weightDecay,
  momentum: optimizerSettingsSchema.shape.momentum,
  patience: config.patience,
  seed: config.seed,
  workers: config.workers,
  clipNorm: config.clipNorm,
  origins: backtestSettingsSchema.shape.origins,
  stepSize: scheduleField('step', 'stepSize'),
  gamma: scheduleField('step', 'gamma'),
  cosineT: scheduleField('cosine', 'T'),
  plateauPatience: scheduleField('plateau', 'patience'),
  factor: scheduleField('plateau', 'factor'),
}

/** The stack's length limits. */
export const LAYERS = config.layers

/** A split part in % or in rows: the number schema of each unit. */
export function splitSizeField(part: 'validation' | 'test', unit: 'percent' | 'count'): z.ZodType {
  const [percent, count] = forecasting[part].unwrap().options
  return unit === 'percent' ? percent.shape.percent : count.shape.count
}
