import { z } from 'zod'
import type { Frequency } from '../../../worker/timeseries/frequency'
import { defineRequest } from '../define'
import { absolutePath, recordId } from './common'
import type { AutoChoice } from './training-auto'

/** Scores of one forecaster on one part of the data; null where a metric does not apply (MAPE near zero). */
export interface Metrics {
  mae: number
  rmse: number
  mape: number | null
  smape: number
  mase: number | null
}

export interface IntervalBands {
  mean: number[]
  lower80: number[]
  upper80: number[]
  lower95: number[]
  upper95: number[]
}

/** A forecaster's scaled interval score at 80 and 95 % (null: unbounded bands, or no scale). */
export interface IntervalScores {
  level80: number | null
  level95: number | null
}

/** How one target of a model did: its series, test forecasts, fitted values, metrics beside the baselines. */
export interface TargetEvaluation {
  /** The CSV column. */
  target: string
  /** Its whole series (null where a value is missing). */
  actual: Array<number | null>
  /** The model's forecasts over the test part (from the test origin), with conformal intervals. */
  test: IntervalBands & { start: number }
  /** One-step-ahead fitted values over train+validation, where the model computed them. */
  fitted: { start: number; values: number[] } | null
  metrics: { validation: Metrics | null; test: Metrics }
  baselines: Array<{ name: string; test: Metrics }>
  coverage: { level80: number | null; level95: number | null }
  /**
   * The M4 competition's scaled interval score (MSIS) of the model's bands on the test part, and
   * of ETS's own bands beside them; lower is better (absent in evaluations saved before it was recorded).
   */
  intervalScore?: { model: IntervalScores; ets: IntervalScores | null }
  /** `refit`: a fresh network was trained before each origin (absent in evaluations saved before it was recorded). */
  backtest: { origins: Array<{ origin: number; metrics: Metrics }>; overall: Metrics; refit?: boolean } | null
}

/** How a trained model did, with the baselines on the same split, as the Forecast screen draws it. */
export interface ModelEvaluation {
  modelId: string
  name: string
  frequency: Frequency | null
  /** Epoch ms of every row (or null: equally spaced steps). */
  timestamps: number[] | null
  /**
   * Index of the first validation and the first test point. Metrics, baselines, intervals and
   * the backtest are measured there by networks that never trained on those points.
   */
  validationStart: number
  testStart: number
  /**
   * The network that forecasts the future (and is saved and exported) was then trained again
   * on every point, for the epochs validation chose (absent in models saved before).
   */
  finalFit?: { observations: number; memberEpochs: number[] }
  /** Every target the model forecasts, each judged on its own, in the model's order. */
  targets: TargetEvaluation[]
  /** What was trained: preset, cells, units, lookback, horizon, target mode… for the runs comparison. */
  config: Record<string, unknown>
  notes: string[]
  /** An Auto run's candidates and the one it kept (absent for a single-mode run). */
  auto?: AutoChoice
  /**
   * The dataset the model learned from: its name (for titles and file names) and the zone
   * offset its file wrote times in (minutes east of UTC; null: UTC), so times show as in the file.
   */
  dataset?: { name: string; utcOffsetMinutes: number | null }
}

export interface ForecastView {
  forecastId: string
  modelId: string
  /** Future timestamps from the inferred frequency (null: steps after the last one). */
  timestamps: number[] | null
  /** Every target's forecast with its bands, in the model's order. */
  targets: Array<{ target: string; bands: IntervalBands }>
  /** Project-relative path of the saved CSV. */
  file: string
}

export type ExportFormat = 'native' | 'onnx' | 'tfjs'

const projectId = recordId
const modelId = recordId

export const modelRequests = {
  'models.evaluation': defineRequest<ModelEvaluation>()(
    'Metrics, test forecasts, intervals, baselines and backtest of a trained model.',
    z.object({ projectId, modelId }).strict(),
  ),
  'models.forecast': defineRequest<ForecastView>()(
    'Forecasts past the end of the data (optionally of a re-imported, grown dataset) and saves it.',
    z
      .object({
        projectId,
        modelId,
        horizon: z.number().int().min(1).max(10_000).optional(),
        /** A newer import of the same columns; the model keeps the scaling it was trained with. */
        datasetId: recordId.optional(),
      })
      .strict(),
  ),
  'models.export': defineRequest<{
    format: ExportFormat
    path: string
    files: string[]
    /** The new folder's name in the project's exports/ (for `downloads.zipExport`); null for a chosen outDir. */
    folder: string | null
  }>()(
    'Exports a trained model (ONNX, TensorFlow.js or the native format) into the project, or a chosen folder.',
    z
      .object({
        projectId,
        modelId,
        format: z.enum(['native', 'onnx', 'tfjs']),
        outDir: absolutePath.optional(),
        /** The user confirmed writing into a folder that already holds files; refused otherwise. */
        overwrite: z.boolean().optional(),
      })
      .strict(),
  ),
  'forecasts.exportCsv': defineRequest<{ path: string; csv: string }>()(
    'Writes a saved forecast as CSV with the chosen delimiter and decimal separator.',
    z
      .object({
        projectId,
        forecastId: recordId,
        delimiter: z.enum([',', ';', '\t']).default(','),
        decimalSeparator: z.enum(['.', ',']).default('.'),
      })
      .strict()
      .refine((value) => value.delimiter !== value.decimalSeparator, {
        message: 'the delimiter and the decimal separator must differ',
        path: ['decimalSeparator'],
      }),
  ),
}
