import type { CsvPreview } from '../../../../electron/api/requests/data'

type Kind = CsvPreview['columns'][number]['kind']
type FormatNumber = (value: number, options: Intl.NumberFormatOptions) => string
type FormatDate = (value: Date, options: Intl.DateTimeFormatOptions) => string

/**
 * What the importer will read from one preview cell, in the interface's locale, so the user can
 * check the decimal separator and the date order before importing: "7,0" → "7", "01/02/2001" →
 * "1 Feb 2001". Times read as the file's clock (its own zone, `offsetMinutes`, else UTC), so
 * `2020-03-01T00:00+01:00` previews as Mar 1, 2020, not Feb 29. Null for text columns;
 * "?" for a cell of a number or time column that will not be read.
 */
export function parsedCell(
  kind: Kind,
  raw: string,
  value: number | null,
  n: FormatNumber,
  d: FormatDate,
  offsetMinutes: number | null = null,
): string | null {
  if (kind === 'text' || raw.trim() === '') return null
  if (value === null) return '?'
  if (kind === 'numeric') return n(value, { maximumFractionDigits: 10 })
  const date = new Date(value + (offsetMinutes ?? 0) * 60_000)
  const midnight = date.getTime() % 86_400_000 === 0
  return d(date, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(midnight ? {} : { hour: '2-digit', minute: '2-digit' }),
    timeZone: 'UTC',
  })
}
