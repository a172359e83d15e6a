import { z } from 'zod'

/**
 * project.json, format version 5 (the current one). Bump CURRENT_FORMAT_VERSION and add a
 * migration step (manifest-v<N>.ts, listed in manifest-io.ts) whenever a saved shape changes
 * incompatibly.
 */
export const CURRENT_FORMAT_VERSION = 6

const id = z.string().min(1)
const timestamp = z.iso.datetime({ offset: true })
const jsonObject = z.record(z.string(), z.unknown())

/** Options the user chose (or confirmed) when importing the CSV; kept so an import can be redone. */
export const importOptionsSchema = z.looseObject({
  delimiter: z.string().optional(),
  decimalSeparator: z.string().optional(),
  hasHeader: z.boolean().optional(),
  encoding: z.string().optional(),
  dateFormat: z.string().optional(),
  skipRows: z.number().int().nonnegative().optional(),
})

/** What import detected in the file, for display and for re-parsing without guessing again. */
export const detectedFormatSchema = z.looseObject({
  delimiter: z.string().optional(),
  decimalSeparator: z.string().optional(),
  encoding: z.string().optional(),
  hasHeader: z.boolean().optional(),
  rowCount: z.number().int().nonnegative().optional(),
  /** The zone offset written on every timestamp (minutes east of UTC); null or absent: shown in UTC. */
  utcOffsetMinutes: z.number().int().min(-1440).max(1440).nullable().optional(),
})

export const columnRoleSchema = z.enum(['time', 'target', 'covariate', 'futureCovariate', 'ignored'])

/**
 * A column of a long panel that is constant within every series (format 5): a category (text)
 * or a number, with its count of distinct values. It may be an input of the global model.
 */
export const staticAttributeSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['categorical', 'numeric']),
  categories: z.number().int().nonnegative(),
})

/**
 * A numeric column that changes within the panel's series: a covariate, which a global model may
 * read as a known-future input where the file gives it ahead (rows after a series' last value).
 */
export const covariateSchema = z.object({
  name: z.string().min(1),
  /** Steps given after each series' last value: the fewest over the series. */
  ahead: z.number().int().nonnegative(),
})

/**
 * A dataset that holds many series (format 4): how the file laid them out and their shape. Its
 * columnar cache has one row per series and point, series after series: the key columns (text,
 * in `keyNames` order), then the time (epoch ms, NaN without dates), then the value, then (format 5)
 * one column per static attribute, in `staticAttributes` order, repeated on every row of a series,
 * then one column per covariate, in `covariates` order. A series with covariates may have rows
 * after its last value (empty value, the covariates ahead).
 */
export const panelDatasetSchema = z.object({
  form: z.enum(['long', 'wide']),
  keyNames: z.array(z.string()).min(1),
  /** Long form: the value column; wide form: the column of each series. */
  valueNames: z.array(z.string()).min(1),
  seriesCount: z.number().int().positive(),
  lengths: z.object({
    min: z.number().int().nonnegative(),
    median: z.number().nonnegative(),
    max: z.number().int().nonnegative(),
  }),
  missing: z.number().int().nonnegative(),
  frequency: z
    .object({
      unit: z.enum(['second', 'minute', 'hour', 'day', 'businessDay', 'week', 'month', 'quarter', 'year']),
      step: z.number().positive(),
    })
    .nullable(),
  staticAttributes: z.array(staticAttributeSchema),
  /** Numeric columns changing within the series (format 6), after the static attributes in the cache. */
  covariates: z.array(covariateSchema),
})

export const datasetRecordSchema = z.object({
  id,
  name: z.string(),
  /** File name as the user picked it, e.g. "sales 2024.csv". */
  sourceFileName: z.string(),
  /** Project-relative path of the verbatim copy, e.g. "data/<id>.csv". */
  storedFile: z.string(),
  /** Project-relative path of the parsed columnar cache; null until (re)built. */
  cacheFile: z.string().nullable(),
  importOptions: importOptionsSchema,
  detectedFormat: detectedFormatSchema.nullable(),
  /** Column name → role; columns not listed have no role yet. */
  columnRoles: z.record(z.string(), columnRoleSchema),
  imported: timestamp,
  /** Present when the dataset is a panel of many series; absent for one series. */
  panel: panelDatasetSchema.optional(),
})

export const runStatusSchema = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled'])

export const runRecordSchema = z.object({
  id,
  status: runStatusSchema,
  config: jsonObject,
  started: timestamp.nullable(),
  ended: timestamp.nullable(),
})

export const modelRecordSchema = z.object({
  id,
  name: z.string(),
  runId: id.nullable(),
  created: timestamp,
  /** Short description of the architecture, e.g. { cell: 'lstm', layers: 2, units: 64, lookback: 48 }. */
  spec: jsonObject,
  /** Headline numbers, e.g. { valRmse: 1.2, valMae: 0.9 }. */
  metrics: z.record(z.string(), z.number().nullable()),
})

export const forecastRecordSchema = z.object({
  id,
  modelId: id,
  /** Project-relative path, e.g. "forecasts/<id>.csv". */
  file: z.string(),
  created: timestamp,
})

export const projectManifestSchema = z.object({
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  id,
  name: z.string().min(1),
  created: timestamp,
  modified: timestamp,
  datasets: z.array(datasetRecordSchema),
  models: z.array(modelRecordSchema),
  runs: z.array(runRecordSchema),
  forecasts: z.array(forecastRecordSchema),
})

export type ImportOptions = z.infer<typeof importOptionsSchema>
export type DetectedFormat = z.infer<typeof detectedFormatSchema>
export type ColumnRole = z.infer<typeof columnRoleSchema>
export type DatasetRecord = z.infer<typeof datasetRecordSchema>
export type PanelDatasetInfo = z.infer<typeof panelDatasetSchema>
export type StaticAttributeInfo = z.infer<typeof staticAttributeSchema>
export type CovariateInfo = z.infer<typeof covariateSchema>
export type RunStatus = z.infer<typeof runStatusSchema>
export type RunRecord = z.infer<typeof runRecordSchema>
export type ModelRecord = z.infer<typeof modelRecordSchema>
export type ForecastRecord = z.infer<typeof forecastRecordSchema>
export type ProjectManifest = z.infer<typeof projectManifestSchema>
