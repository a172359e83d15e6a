import type { z } from 'zod'
import type { csvOptionsSchema, CsvPreview } from '../../../electron/api/requests/data'

export type CsvOptions = z.input<typeof csvOptionsSchema>

/** Choices offered for every detected setting; '' in the form means "as detected". */
export const delimiterChoices = [',', ';', '\t', '|'] as const
export const decimalChoices = ['.', ','] as const
export const thousandsChoices = ['none', ',', '.', ' ', "'"] as const
export const encodingChoices = ['utf-8', 'utf-16le', 'utf-16be', 'latin1'] as const
export const dateOrderChoices = ['dmy', 'mdy'] as const

/** What the user overrode in the import dialog, as form strings. */
export interface FormatOverrides {
  delimiter: string
  decimalSeparator: string
  thousandsSeparator: string
  encoding: string
  header: string
  timeColumn: string
  dateOrder: string
}

export function emptyOverrides(): FormatOverrides {
  return {
    delimiter: '',
    decimalSeparator: '',
    thousandsSeparator: '',
    encoding: '',
    header: '',
    timeColumn: '',
    dateOrder: '',
  }
}

/** Only what was overridden is sent; everything else the server detects from the file. */
export function toCsvOptions(form: FormatOverrides): CsvOptions {
  const options: CsvOptions = {}
  if (form.delimiter) options.delimiter = form.delimiter as CsvOptions['delimiter']
  if (form.decimalSeparator)
    options.decimalSeparator = form.decimalSeparator as CsvOptions['decimalSeparator']
  if (form.thousandsSeparator)
    options.thousandsSeparator =
      form.thousandsSeparator === 'none' ? null : (form.thousandsSeparator as '.' | ',' | ' ' | "'")
  if (form.encoding) options.encoding = form.encoding as CsvOptions['encoding']
  if (form.header) options.header = form.header === 'yes'
  if (form.timeColumn) options.timeColumn = form.timeColumn === '(none)' ? null : form.timeColumn
  if (form.dateOrder) options.dateOrder = form.dateOrder as 'dmy' | 'mdy'
  return options
}

/** Shows a delimiter readably: a tab or a space is invisible in a select. */
export function describeSeparator(value: string | null): string {
  if (value === null) return '—'
  if (value === '\t') return 'Tab'
  if (value === ' ') return '␠'
  return value
}

export type DetectedFormat = CsvPreview['detected']
