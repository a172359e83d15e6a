import type { CsvPreview } from '../../api/requests/data'
import type { CsvInspection } from '../data'

/** The inspection as the import dialog shows it (plain JSON, no typed arrays). */
export function toPreview(inspection: CsvInspection): CsvPreview {
  const detected = inspection.detected
  return {
    fileName: inspection.fileName,
    fileBytes: inspection.fileBytes,
    detected: {
      encoding: detected.encoding,
      delimiter: detected.delimiter,
      decimalSeparator: detected.decimalSeparator,
      thousandsSeparator: detected.thousandsSeparator,
      header: detected.header,
      quoted: detected.quoted,
      timeColumn: detected.timeColumn,
      timeFormat: detected.timeFormat,
      ambiguousDateOrder: detected.ambiguousDateOrder,
      dateOrder: detected.dateOrder?.order ?? null,
    },
    columns: inspection.columns.map(({ name, kind, missingInSample }) => ({ name, kind, missingInSample })),
    preview: inspection.preview,
    parsed: inspection.previewValues,
    sampleRows: inspection.sampleRows,
    sampleIsWholeFile: inspection.sampleIsWholeFile,
    frequency: inspection.sampleFrequency?.frequency ?? null,
    irregular: inspection.sampleFrequency?.irregular ?? false,
    utcOffsetMinutes: inspection.sampleOffset,
  }
}
