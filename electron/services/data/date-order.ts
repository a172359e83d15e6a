import type { TimeColumnBuilder } from './column-builders'
import { inferFrequency } from './frequency-inference'
import { orderFromMaxima } from './time-format'
import type { CsvImportOptions, DateOrder, DateOrderResolution } from './types'

/** The order a locale writes numeric dates in, read from Intl so every locale is covered. */
export function dateOrderOfLocale(locale: string): DateOrder | null {
  try {
    const types = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2001, 1, 3)))
      .map((p) => p.type)
    const day = types.indexOf('day')
    const month = types.indexOf('month')
    if (day < 0 || month < 0 || types.indexOf('year') < Math.min(day, month)) return null
    return day < month ? 'dmy' : 'mdy'
  } catch {
    return null
  }
}

/**
 * How far a reading is from an evenly spaced series: gaps off the grid plus the share of grid
 * steps left empty. The wrong order of monthly data reads as days in January with yearly jumps.
 */
function irregularityOf(times: Float64Array): number {
  if (times.some(Number.isNaN)) return Infinity
  const sorted = Float64Array.from(new Set(times)).sort()
  const { irregularShare, skippedSteps } = inferFrequency(sorted)
  const gaps = Math.max(1, sorted.length - 1)
  return irregularShare + skippedSteps / (gaps + skippedSteps)
}

/** One reading is clearly the regular series and the other is not (e.g. monthly vs. jumps of days and years). */
function orderFromSpacing(column: TimeColumnBuilder): DateOrder | null {
  const dayFirst = irregularityOf(column.values.toArray())
  const monthFirst = irregularityOf(column.alternate!.toArray())
  const clearlyBetter = (a: number, b: number) => a <= 0.1 && b >= a + 0.2
  if (clearlyBetter(dayFirst, monthFirst)) return 'dmy'
  if (clearlyBetter(monthFirst, dayFirst)) return 'mdy'
  return null
}

export interface DateOrderVerdict {
  /** Whether the values alone left the order open. */
  ambiguous: boolean
  resolution: DateOrderResolution | null
}

/**
 * Settles dd/mm vs mm/dd for a column whose sample could not: the full column's values first,
 * then the caller's option, then which reading gives evenly spaced data, then the locale hint.
 */
export function settleDateOrder(column: TimeColumnBuilder, options: CsvImportOptions): DateOrderVerdict {
  const fromValues = orderFromMaxima(column.maxFirstField, column.maxSecondField)
  if (fromValues) return { ambiguous: false, resolution: { order: fromValues, basis: 'values' } }
  if (options.dateOrder) return { ambiguous: true, resolution: { order: options.dateOrder, basis: 'option' } }
  const fromSpacing = orderFromSpacing(column)
  if (fromSpacing) return { ambiguous: true, resolution: { order: fromSpacing, basis: 'spacing' } }
  const fromLocale = options.localeHint ? dateOrderOfLocale(options.localeHint) : null
  if (fromLocale) return { ambiguous: true, resolution: { order: fromLocale, basis: 'locale' } }
  return { ambiguous: true, resolution: null }
}
