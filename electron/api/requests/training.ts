import { z } from 'zod'
import { defineRequest } from '../define'
import type { NetworkRole } from '../../../worker/training/network-role'
import { TARGET_MODES } from '../../../worker/pipeline/target-mode'
import { columnName, LIMITS, recordId } from './common'
import type { TrainingCandidate } from './training-auto'

const cellSchema = z.enum(['lstm', 'gru', 'rnn'])

/** Epochs a job may run, and so the longest patience worth waiting. */
const MAX_EPOCHS = 100_000

export const trainingLayerSchema = z
  .object({
    cell: cellSchema.default('lstm'),
    units: z.number().int().min(1).max(1024),
    /** Inverted dropout on this layer's output sequence (ignored on the top layer). */
    dropout: z.number().min(0).lt(1).default(0),
  })
  .strict()

export const optimizerSettingsSchema = z
  .object({
    kind: z.enum(['adam', 'adamw', 'sgd']).default('adam'),
    lr: z.number().positive().max(10),
    weightDecay: z.number().min(0).default(0),
    /** SGD only. */
    momentum: z.number().min(0).lt(1).default(0),
  })
  .strict()

export const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant') }).strict(),
  z
    .object({ kind: z.literal('step'), stepSize: z.number().int().positive(), gamma: z.number().positive() })
    .strict(),
  z
    .object({
      kind: z.literal('cosine'),
      T: z.number().int().positive(),
      minLr: z.number().min(0).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('plateau'),
      patience: z.number().int().min(0).max(MAX_EPOCHS),
      factor: z.number().gt(0).lt(1),
      minLr: z.number().min(0).optional(),
      threshold: z.number().min(0).optional(),
    })
    .strict(),
])

export const trainingConfigSchema = z
  .object({
    layers: z.array(trainingLayerSchema).min(1).max(8),
    lookback: z.number().int().min(1).max(10_000),
    horizon: z.number().int().min(1).max(1_000),
    batchSize: z.number().int().min(1).max(4096),
    epochs: z.number().int().min(1).max(MAX_EPOCHS),
    optimizer: optimizerSettingsSchema,
    schedule: scheduleSchema.default({ kind: 'constant' }),
    /** Global gradient-norm clipping threshold; null = no clipping. */
    clipNorm: z.number().positive().nullable().default(null),
    loss: z.enum(['mse', 'mae', 'huber']).default('mse'),
    /** Epochs without improvement before early stopping; 0 = never stop early. */
    patience: z.number().int().min(0).max(MAX_EPOCHS).default(0),
    seed: z.number().int().min(0).max(0xffffffff).default(0),
    /** Pool threads this job uses; default: the pool (cores − 1), fewer for models too small to split. */
    workers: z.number().int().min(1).max(256).optional(),
    backend: z.enum(['auto', 'wasm', 'reference']).default('auto'),
    /** Truncated BPTT window; 0 = full lookback. */
    truncateSteps: z.number().int().min(0).default(0),
    /**
     * Windows per gradient shard. Fixed per job (never derived from the worker count) so that
     * a run gives the same losses on 1 or N workers. Default: a quarter of the batch, at least 8.
     */
    shardSize: z.number().int().min(1).max(4096).optional(),
  })
  .strict()

export type TrainingConfig = z.output<typeof trainingConfigSchema>
export type TrainingConfigInput = z.input<typeof trainingConfigSchema>

/** `interrupted`: the app closed while the job trained; its checkpoints stay and `resume` continues it. */
export type TrainingState =
  'queued' | 'running' | 'paused' | 'stopped' | 'completed' | 'cancelled' | 'failed' | 'interrupted'

export interface TrainingProgressEvent {
  jobId: string
  /** 0-based epoch and batch; `batches` per epoch. */
  epoch: number
  batch: number
  batches: number
  trainLoss: number
  learningRate: number
  /** Global gradient norm before clipping. */
  gradNorm: number
  windowsPerSec: number
  etaSeconds: number
}

export interface TrainingEpochEvent {
  jobId: string
  epoch: number
  trainLoss: number
  valLoss: number | null
  /** This epoch is the best so far (lowest validation loss, or training loss without validation). */
  best: boolean
  lr: number
  /** Wall-clock seconds the epoch took (training and validation); absent for epochs restored from a checkpoint. */
  seconds?: number
  /**
   * Epochs that ended since the job's previous event and were held back by the rate limit
   * (at most 10 events a second per job), oldest first. Fast epochs arrive in groups, never lost.
   */
  earlier?: EpochSummary[]
}

export type EpochSummary = Omit<TrainingEpochEvent, 'jobId' | 'earlier'>

export interface TrainingStateEvent {
  jobId: string
  state: TrainingState
  message?: string
  /** A run's networks so far (a run starts jobs as its plan needs them). */
  candidates?: TrainingCandidate[]
}

export interface TrainingJobStatus {
  jobId: string
  state: TrainingState
  message?: string
  /** What the job is in its run (absent for a lone job). */
  role?: NetworkRole
  /** Completed epochs and the configured total. */
  epoch: number
  epochs: number
  bestEpoch: number | null
  bestLoss: number | null
  workers: number
  backend: string | null
  checkpointDir: string | null
  /** An Auto run's candidate jobs (levels and seasonal residual); absent for a single job. */
  candidates?: TrainingCandidate[]
}

export interface TrainingHistory {
  status: TrainingJobStatus
  states: TrainingStateEvent[]
  epochs: TrainingEpochEvent[]
  lastProgress: TrainingProgressEvent | null
}

const jobArgs = z.object({ jobId: recordId }).strict()

/** What to train on: a dataset of an open project and the columns to forecast from. */
export const trainingSourceSchema = z
  .object({
    projectId: recordId,
    datasetId: recordId,
    /** The columns one network forecasts, each with its own scaling, metrics and intervals. */
    targets: z.array(columnName).min(1).max(LIMITS.targets),
    covariates: z.array(columnName).max(LIMITS.covariates).default([]),
  })
  .strict()
  .superRefine((source, context) => {
    const seen = new Set<string>()
    source.targets.forEach((name, i) => {
      const problem = seen.has(name)
        ? `target "${name}" is listed twice`
        : source.covariates.includes(name)
          ? `"${name}" cannot be both a target and a covariate`
          : null
      if (problem) context.addIssue({ code: 'custom', message: problem, path: ['targets', i] })
      seen.add(name)
    })
  })

export type TrainingSource = z.output<typeof trainingSourceSchema>

/** A part of the chronological split: a percentage of the series' rows or a number of rows. */
function splitSizeSchema(maxPercent: number, defaultPercent: number) {
  return z
    .union(
      [
        z.object({ percent: z.number().min(0).max(maxPercent) }).strict(),
        z.object({ count: z.number().int().min(0).max(LIMITS.rows) }).strict(),
      ],
      { error: 'must be { percent } or { count }' },
    )
    .default({ percent: defaultPercent })
}

/** Rolling-origin backtest: K origins a horizon apart ending at the data's end (0 = none). */
export const backtestSettingsSchema = z
  .object({
    origins: z.number().int().min(0).max(20),
    /** Train a fresh network on the data before each origin (slow) instead of reusing the trained one. */
    refit: z.boolean().default(false),
  })
  .strict()

/** How the series becomes windows and how predictions are judged (see worker/pipeline). */
export const forecastingSettingsSchema = z
  .object({
    strategy: z.enum(['direct', 'recursive']).default('direct'),
    /** Steps between consecutive training window origins: 1 uses every window; more thins long series. */
    stride: z.number().int().min(1).max(10_000).default(1),
    /**
     * 'seasonalResidual': the network learns the correction to a seasonal-naive forecast;
     * 'etsResidual': the correction to an ETS forecast fitted on the training part.
     * 'auto': every mode is trained and the one with the lower validation error is kept.
     */
    targetMode: z.enum([...TARGET_MODES, 'auto']).default('level'),
    scaling: z.enum(['zscore', 'minmax', 'none']).default('zscore'),
    log: z.enum(['none', 'log', 'log1p']).default('none'),
    difference: z.enum(['none', 'first', 'seasonal']).default('none'),
    /** The most recent rows before the test part, for early stopping and the intervals' calibration. */
    validation: splitSizeSchema(99, 20),
    /** The final rows, never seen by training or early stopping: at most half the series. */
    test: splitSizeSchema(50, 15),
    backtest: backtestSettingsSchema.default({ origins: 3, refit: false }),
    /** Calendar features made from the time column (sin/cos), fed as known-future inputs. */
    calendar: z
      .array(z.enum(['month', 'dayOfWeek', 'hour']))
      .max(3)
      .refine((features) => new Set(features).size === features.length, 'lists a calendar feature twice')
      .default([]),
  })
  .strict()

export type ForecastingSettings = z.output<typeof forecastingSettingsSchema>

export const trainingStartArgsSchema = z
  .object({
    source: trainingSourceSchema,
    config: trainingConfigSchema,
    /** Left out: every setting's own default. */
    forecasting: forecastingSettingsSchema.prefault({}),
    /** Run to create, or to continue with `resume`; default: a fresh id. */
    runId: recordId.optional(),
    resume: z.boolean().default(false),
  })
  .strict()

export type TrainingStartArgs = z.output<typeof trainingStartArgsSchema>

export const trainingRequests = {
  'training.start': defineRequest<TrainingJobStatus>()(
    'Queues a training job on a dataset; resumes from its run checkpoint when `resume` is set.',
    trainingStartArgsSchema,
  ),
  'training.pause': defineRequest<TrainingJobStatus>()('Pauses a running job between two steps.', jobArgs),
  'training.resume': defineRequest<TrainingJobStatus>()('Continues a paused job.', jobArgs),
  'training.stop': defineRequest<TrainingJobStatus>()(
    'Ends a job early, keeping the best weights so far.',
    jobArgs,
  ),
  'training.cancel': defineRequest<TrainingJobStatus>()('Ends a job and discards its checkpoints.', jobArgs),
  'training.status': defineRequest<TrainingJobStatus>()('State and progress of one job.', jobArgs),
  'training.list': defineRequest<TrainingJobStatus[]>()('Every job of this session.', z.object({}).strict()),
  'training.history': defineRequest<TrainingHistory>()(
    'Everything a late subscriber missed: state changes, epoch summaries, the latest progress.',
    jobArgs,
  ),
}
