import { z } from 'zod'
import { columnRoleSchema } from '../records'
import type { ColumnRole, DatasetRecord } from '../records'

export type { ColumnRole }
/** What a column can be to a model, as `data.setRoles` takes it. */
export const columnRoleChoices = columnRoleSchema.options
import type { Frequency } from '../../../worker/timeseries/frequency'
import { defineRequest } from '../define'
import { columnName, LIMITS, recordId, userFilePath } from './common'

/** Everything the import dialog shows and lets the user override. */
export interface CsvPreview {
  fileName: string
  fileBytes: number
  detected: {
    encoding: string
    delimiter: string
    decimalSeparator: string
    thousandsSeparator: string | null
    header: boolean
    quoted: boolean
    timeColumn: string | null
    timeFormat: string | null
    ambiguousDateOrder: boolean
    dateOrder: string | null
  }
  columns: Array<{ name: string; kind: 'time' | 'numeric' | 'text'; missingInSample: number }>
  preview: string[][]
  /** The preview's cells as the import will read them: numbers, times (epoch ms UTC), else null. */
  parsed: Array<Array<number | null>>
  sampleRows: number
  sampleIsWholeFile: boolean
  frequency: Frequency | null
  irregular: boolean
  /** The zone offset the sampled times are written in (minutes east of UTC): the preview shows them in it. */
  utcOffsetMinutes: number | null
}

export interface ImportedSummary {
  rowCount: number
  frequency: Frequency | null
  irregular: boolean
  missing: Record<string, number>
  warnings: Array<{ code: string; message: string }>
}

export type ImportResult =
  | { status: 'ok'; dataset: DatasetRecord; summary: ImportedSummary }
  | {
      status: 'needsDecision'
      decisions: Array<{ kind: 'duplicateTimestamps' | 'ambiguousDateOrder'; message: string }>
    }

export interface DatasetSeries {
  datasetId: string
  /** Rows in the dataset; the arrays below hold fewer when `decimated`. */
  rowCount: number
  /** Row index of the first value returned (a zoomed range starts later). */
  start: number
  /** True when rows were thinned (LTTB on the target) to `maxPoints` for drawing. */
  decimated: boolean
  timeColumn: string | null
  timestamps: number[] | null
  columns: Array<{ name: string; role: ColumnRole | null; values: Array<number | null> }>
}

const projectId = recordId
const datasetId = recordId

/** Every detected setting can be forced; what is left out is detected from the file. */
export const csvOptionsSchema = z
  .object({
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'latin1']).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    decimalSeparator: z.enum(['.', ',']).optional(),
    thousandsSeparator: z.enum([',', '.', ' ', "'"]).nullable().optional(),
    header: z.boolean().optional(),
    commentPrefix: z.string().max(4).nullable().optional(),
    timeColumn: columnName.nullable().optional(),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    localeHint: z.string().max(35).optional(),
    duplicates: z.enum(['keepLast', 'average', 'refuse']).optional(),
    missing: z.enum(['none', 'interpolate', 'forwardFill', 'dropRows']).optional(),
  })
  .strict()

export const dataRequests = {
  'data.inspect': defineRequest<CsvPreview>()(
    'Detects the format of a CSV file and previews its first rows, without importing it.',
    z.object({ path: userFilePath, options: csvOptionsSchema.optional() }).strict(),
  ),
  'data.import': defineRequest<ImportResult>()(
    'Imports a CSV file into an open project (copied in, parsed, cached).',
    z
      .object({
        projectId,
        path: userFilePath,
        options: csvOptionsSchema.optional(),
        /** Chosen by the caller so it can follow `data.importProgress` and cancel. */
        importId: recordId.optional(),
        name: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
  ),
  'data.cancelImport': defineRequest<{ cancelled: boolean }>()(
    'Cancels an import in progress; nothing of it is kept.',
    z.object({ importId: recordId }).strict(),
  ),
  'data.series': defineRequest<DatasetSeries>()(
    'The values of a dataset for charts: all rows, or rows [start, end) thinned to maxPoints with LTTB.',
    z
      .object({
        projectId,
        datasetId,
        maxPoints: z.number().int().min(100).max(10_000_000).optional(),
        start: z.number().int().min(0).max(LIMITS.rows).optional(),
        end: z.number().int().min(1).max(LIMITS.rows).optional(),
      })
      .strict(),
  ),
  'data.setRoles': defineRequest<DatasetRecord>()(
    'Sets the role of each column: time, target, covariate, futureCovariate or ignored.',
    z
      .object({
        projectId,
        datasetId,
        roles: z.record(columnName, columnRoleSchema),
      })
      .strict(),
  ),
}
