import { basename } from 'node:path'
import { asCsvImportError } from './csv-import-error'
import { readHead } from './import-csv'
import { inferFrequency } from './frequency-inference'
import type { CsvLayout } from './layout'
import { isMissingCell } from './missing-tokens'
import { prepareImport, SAMPLE_BYTES } from './prepare'
import { previewValues } from './preview-values'
import { parseTimeCell, ZoneTally } from './time-format'
import type { ColumnKind, CsvImportOptions, DetectedFormat, FrequencyInference } from './types'

const PREVIEW_ROWS = 20

export type InspectedFormat = Omit<
  DetectedFormat,
  'commentLines' | 'blankLines' | 'frequency' | 'utcOffsetMinutes'
>

export interface InspectedColumn {
  name: string
  kind: ColumnKind
  /** Counted over the sampled rows only. */
  missingInSample: number
}

export interface CsvInspection {
  fileName: string
  fileBytes: number
  detected: InspectedFormat
  columns: InspectedColumn[]
  /** The first data rows as raw strings, for a preview table. */
  preview: string[][]
  /** The same cells as the importer reads them (numbers, times as epoch ms; null otherwise). */
  previewValues: Array<Array<number | null>>
  sampleRows: number
  /** True when the sample is the whole file (then sampleRows is the exact row count). */
  sampleIsWholeFile: boolean
  /** Spacing of the sampled timestamps, null without a time column or with an open day/month order. */
  sampleFrequency: FrequencyInference | null
  /** The zone offset every sampled timestamp writes (minutes east of UTC), null when none or several. */
  sampleOffset: number | null
}

function sampleOffset(layout: CsvLayout): number | null {
  const j = layout.columns.findIndex((c) => c.kind === 'time')
  const format = layout.columns[j]?.timeFormat
  if (!format) return null
  const zones = new ZoneTally(format)
  for (const row of layout.sampleRows) {
    if (isMissingCell(row[j] ?? '')) continue
    parseTimeCell(row[j] ?? '', format, format.order ?? 'dmy')
    zones.noteLastParsed()
  }
  return zones.offset
}

function sampleFrequency(layout: CsvLayout): FrequencyInference | null {
  const j = layout.columns.findIndex((c) => c.kind === 'time')
  const format = layout.columns[j]?.timeFormat
  if (!format || (format.kind === 'dayMonth' && !format.order)) return null
  const times = layout.sampleRows.map((row) => parseTimeCell(row[j] ?? '', format, format.order ?? 'dmy'))
  const distinct = Float64Array.from(new Set(times.filter((t) => !Number.isNaN(t)))).sort()
  return inferFrequency(distinct)
}

function inspectedFormat(
  layout: CsvLayout,
  encoding: InspectedFormat['encoding'],
  bom: boolean,
): InspectedFormat {
  const time = layout.columns.find((c) => c.kind === 'time')
  const order = time?.timeFormat?.order
  return {
    encoding,
    bom,
    lineEnding: layout.lineEnding,
    delimiter: layout.delimiter,
    quoted: layout.quoted,
    decimalSeparator: layout.numberFormat.decimal,
    thousandsSeparator: layout.numberFormat.thousands,
    header: layout.header,
    timeColumn: time?.name ?? null,
    timeFormat: time?.timeFormat?.kind ?? null,
    ambiguousDateOrder: time?.timeFormat?.kind === 'dayMonth' && !order,
    dateOrder: order ? { order, basis: 'values' } : null,
  }
}

/**
 * Detection and a preview from the head of the file only (no full parse): fast enough to show the
 * analyst what will be imported before they commit. Refusals throw CsvImportError.
 */
export async function inspectCsv(
  source: string | Uint8Array,
  options: CsvImportOptions = {},
  fileNameForBytes = 'data.csv',
): Promise<CsvInspection> {
  const fileName = typeof source === 'string' ? basename(source) : fileNameForBytes
  try {
    const { head, size } =
      typeof source === 'string'
        ? await readHead(source, SAMPLE_BYTES)
        : { head: source.subarray(0, SAMPLE_BYTES), size: source.length }
    const { encoding, layout } = prepareImport(head, size, options, fileName)
    const columns = layout.columns.map((c, j) => ({
      name: c.name,
      kind: c.kind,
      missingInSample: layout.sampleRows.filter((row) => isMissingCell(row[j] ?? '')).length,
    }))
    return {
      fileName,
      fileBytes: size,
      detected: inspectedFormat(layout, encoding.encoding, encoding.bomLength > 0),
      columns,
      preview: layout.sampleRows.slice(0, PREVIEW_ROWS),
      previewValues: previewValues(layout, layout.sampleRows.slice(0, PREVIEW_ROWS), options.dateOrder),
      sampleRows: layout.sampleRows.length,
      sampleIsWholeFile: head.length >= size,
      sampleFrequency: sampleFrequency(layout),
      sampleOffset: sampleOffset(layout),
    }
  } catch (error) {
    throw asCsvImportError(error, fileName)
  }
}
