import type { z } from 'zod'
import { csvOptionsSchema, type CsvPreview } from '../../../../electron/api/requests/data'

export type CsvOptions = z.input<typeof csvOptionsSchema>

const choicesOf = <T extends { unwrap(): { options: readonly string[] } }>(schema: T) =>
  schema.unwrap().options as ReturnType<T['unwrap']>['options']
const option = csvOptionsSchema.shape

/** Choices offered for every detected setting, as `data.inspect` takes them; '' in the form means "as detected". */
export const delimiterChoices = choicesOf(option.delimiter)
export const decimalChoices = choicesOf(option.decimalSeparator)
/** `none`: the file has no thousands separator (the contract's null). */
export const thousandsChoices = ['none', ...option.thousandsSeparator.unwrap().unwrap().options] as const
export const encodingChoices = choicesOf(option.encoding)
export const dateOrderChoices = choicesOf(option.dateOrder)

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
