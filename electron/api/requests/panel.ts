import { z } from 'zod'
import type { Frequency } from '../../../worker/timeseries/frequency'
import { defineRequest } from '../define'
import type { CovariateInfo, DatasetRecord, StaticAttributeInfo } from '../records'
import { absolutePath, columnName, recordId, userFilePath } from './common'
import type { PanelResults, PanelSeriesDetail } from './panel-results'
import type { TrainingJobStatus } from './training'

export type {
  PanelBacktestMethod,
  PanelBacktestOrigin,
  PanelBacktestResults,
  PanelMethodName,
  PanelMethodScore,
  PanelResults,
  PanelSeriesDetail,
  PanelSeriesRow,
} from './panel-results'

/** One series of a panel as the Panel screen lists it. */
export interface PanelSeriesSummary {
  key: string[]
  /** Points on the series' grid, from its first row to its last value (rows ahead are covariates only). */
  length: number
  missing: number
  /** Epoch ms of the first and last point; null without dates. */
  start: number | null
  end: number | null
}

/** What a CSV holds when read as a panel, before anything is trained. */
export interface PanelInspection {
  fileName: string
  form: 'long' | 'wide'
  keyNames: string[]
  valueNames: string[]
  frequency: Frequency | null
  rowCount: number
  seriesCount: number
  lengths: { min: number; median: number; max: number }
  missing: number
  warnings: string[]
  /** Long form: columns constant within every series, which a global model may read as inputs. */
  staticAttributes: StaticAttributeInfo[]
  /** Long form: the other columns, which change within a series (not static attributes). */
  varyingColumns: string[]
  /** Long form: the numeric ones among them, with the steps each is given after every series' last value. */
  covariates: CovariateInfo[]
  /** The first `limit` series in file order (all of them up to 10,000). */
  series: PanelSeriesSummary[]
}

/** How a panel's file is read: every field is detected when left out. */
const panelReadShape = {
  form: z.enum(['long', 'wide']).optional(),
  ids: z.array(columnName).min(1).max(8).optional(),
  target: columnName.optional(),
  time: columnName.optional(),
}

/** Each backtest origin trains the whole model again: five is already five trainings. */
export const MAX_BACKTEST_ORIGINS = 5

/** Settings of a global model a person may set from the app; Auto chooses the rest from the panel. */
export const panelTrainSettingsSchema = z
  .object({
    epochs: z.number().int().min(1).max(1000).optional(),
    ensemble: z.number().int().min(1).max(10).optional(),
    windowsPerEpoch: z.number().int().min(16).max(1_000_000).optional(),
    batchSize: z.number().int().min(1).max(4096).optional(),
    patience: z.number().int().min(1).max(1000).optional(),
    lr: z.number().positive().max(1).optional(),
    /** Static attributes of the panel the network reads at every step; each must be one of the dataset's. */
    staticInputs: z.array(columnName).max(50).optional(),
    /** The season's phase (sin, cos) as an input at every step. */
    calendar: z.boolean().optional(),
    /** Covariates known ahead (numeric columns changing within the series, given for the horizon after each series' end). */
    futureInputs: z.array(columnName).max(50).optional(),
    /** Rolling-origin backtests over the panel before its test part; each origin costs one training. */
    backtestOrigins: z.number().int().min(0).max(MAX_BACKTEST_ORIGINS).default(0),
  })
  .strict()

export type PanelTrainSettings = z.output<typeof panelTrainSettingsSchema>

export const panelRequests = {
  'panel.inspect': defineRequest<PanelInspection>()(
    'Reads a CSV as a panel of many series (long form: key column(s), time, value; wide form: one column per series) and summarises each series.',
    z
      .object({
        path: absolutePath,
        ...panelReadShape,
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
  ),
  'panel.detect': defineRequest<{ form: 'long' | null; keys: string[]; attributes: string[] }>()(
    "Tells from a CSV's head whether it looks like a long-form panel (key columns whose dates repeat), which key columns, and which text columns are static attributes (constant within each series).",
    z.object({ path: userFilePath }).strict(),
  ),
  'panel.import': defineRequest<{ dataset: DatasetRecord; warnings: string[] }>()(
    'Imports a CSV as a panel of many series into an open project (copied in, each series put on its grid, cached).',
    z
      .object({
        projectId: recordId,
        path: userFilePath,
        ...panelReadShape,
        name: z.string().trim().min(1).max(200).optional(),
        /** Chosen by the caller so it can follow `data.importProgress` and cancel with `data.cancelImport`. */
        importId: recordId.optional(),
      })
      .strict(),
  ),
  'panel.train': defineRequest<TrainingJobStatus>()(
    "Trains one global network on every series of a panel dataset as a run (judged on each series' last horizon, then refitted on every point); training.* controls it by its id.",
    z
      .object({
        projectId: recordId,
        datasetId: recordId,
        horizon: z.number().int().min(1).max(1000).optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .optional(),
        settings: panelTrainSettingsSchema.optional(),
        runId: recordId.optional(),
      })
      .strict(),
  ),
  'panel.results': defineRequest<PanelResults>()(
    "A panel model's scores: the panel's means beside the baselines, and one row per series.",
    z.object({ projectId: recordId, modelId: recordId }).strict(),
  ),
  'panel.series': defineRequest<PanelSeriesDetail>()(
    'One series of a panel model: its history, the forecast ahead with its intervals, and the held-out forecast.',
    z
      .object({ projectId: recordId, modelId: recordId, index: z.number().int().min(0).max(10_000_000) })
      .strict(),
  ),
  'panel.exportForecast': defineRequest<{ path: string; csv: string }>()(
    "Writes a panel model's forecast of every series as a CSV in the project: long (id,date,forecast,lo80,hi80,lo95,hi95) or wide (one column per series).",
    z.object({ projectId: recordId, modelId: recordId, shape: z.enum(['long', 'wide']) }).strict(),
  ),
}
