import type { IntervalBands } from '../../api/requests/models'
import type { TargetForecast } from '../../../worker/pipeline/index'
import type { Frequency } from '../../../worker/timeseries/frequency'
import { numberText } from '../exports/number-text'
import { timestampLabeller } from '../exports/timestamp-label'

/**
 * The one writer of forecast CSVs: the app's saved and exported forecasts and
 * `lstm-studio forecast --out` all go through it.
 */

export interface CsvStyle {
  delimiter: ',' | ';' | '\t'
  decimalSeparator: '.' | ','
}

export interface ForecastTable {
  /** Epoch ms of every step, or null: steps are numbered 1…h. */
  timestamps: ArrayLike<number> | null
  /** Every target's forecast, in the model's order. */
  targets: Array<{ target: string; bands: IntervalBands }>
  /** The series' spacing, which sets how finely dates are written (absent in forecasts saved before). */
  frequency?: Frequency | null
  /** The zone offset the data file wrote its times in (minutes east of UTC); null or absent: UTC. */
  utcOffsetMinutes?: number | null
}

const BAND_COLUMNS = ['forecast', 'lower80', 'upper80', 'lower95', 'upper95']

/** A cell quoted when it holds the delimiter, a quote or a line break (a target's column name may). */
function cell(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function stepLabels(table: ForecastTable): (k: number) => string {
  const { timestamps } = table
  if (!timestamps) return (k) => String(k + 1)
  const label = timestampLabeller(timestamps, table.frequency ?? null, table.utcOffsetMinutes ?? null)
  return (k) => label(timestamps[k] ?? Number.NaN)
}

/**
 * `date,forecast,lower80,upper80,lower95,upper95` for one target; several targets in long form,
 * `date,target,forecast,…`, one block of rows per target in the model's order. Dates at the
 * series' granularity in the file's zone, numbers to 6 significant digits (see number-text.ts).
 */
export function forecastCsv(table: ForecastTable, style: CsvStyle): string {
  const long = table.targets.length > 1
  const { delimiter, decimalSeparator } = style
  const header = ['date', ...(long ? ['target'] : []), ...BAND_COLUMNS].join(delimiter)
  const dateOf = stepLabels(table)
  const rows = table.targets.flatMap(({ target, bands }) =>
    bands.mean.map((mean, k) => {
      const values = [mean, bands.lower80[k], bands.upper80[k], bands.lower95[k], bands.upper95[k]]
      return [
        cell(dateOf(k), delimiter),
        ...(long ? [cell(target, delimiter)] : []),
        ...values.map((value) => numberText(value, decimalSeparator)),
      ].join(delimiter)
    }),
  )
  return `${[header, ...rows].join('\n')}\n`
}

/** A forecast's mean and its 80 % and 95 % bands as plain arrays. */
export function bandsOf(forecast: Pick<TargetForecast, 'mean' | 'intervals'>): IntervalBands {
  const band = (level: number, side: 'lower' | 'upper') =>
    Array.from(forecast.intervals.find((interval) => interval.level === level)?.[side] ?? [])
  return {
    mean: Array.from(forecast.mean),
    lower80: band(80, 'lower'),
    upper80: band(80, 'upper'),
    lower95: band(95, 'lower'),
    upper95: band(95, 'upper'),
  }
}
