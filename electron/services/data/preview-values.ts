import type { CsvLayout } from './layout'
import { isMissingCell } from './missing-tokens'
import { parseNumber } from './number-format'
import { parseTimeCell } from './time-format'
import type { DateOrder } from './types'

/**
 * The preview's cells as the importer will read them: numbers with the detected decimal and
 * thousands separators, times as epoch ms UTC; null for text, missing cells, cells that do not
 * parse, and dates whose day/month order is still open (the user has to choose it first).
 */
export function previewValues(
  layout: CsvLayout,
  rows: string[][],
  /** The order the user chose, when the values left it open. */
  chosenOrder?: DateOrder,
): Array<Array<number | null>> {
  return rows.map((row) =>
    layout.columns.map((column, j) => {
      const cell = row[j] ?? ''
      if (isMissingCell(cell)) return null
      if (column.kind === 'numeric') return parseNumber(cell, layout.numberFormat)
      const format = column.timeFormat
      if (column.kind !== 'time' || !format) return null
      const order = format.order ?? chosenOrder
      if (format.kind === 'dayMonth' && !order) return null
      const time = parseTimeCell(cell, format, order ?? 'dmy')
      return Number.isNaN(time) ? null : time
    }),
  )
}
