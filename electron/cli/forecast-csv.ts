import type { FutureForecast } from '../../worker/pipeline/index'
import type { Frequency } from '../../worker/timeseries/frequency'
import { bandsOf, forecastCsv as writeForecastCsv } from '../services/forecasting/forecast-csv'
import { timestampLabeller } from '../services/exports/timestamp-label'

/** How the data file dated its rows: the spacing and the zone offset it wrote (null: UTC). */
export interface FileClock {
  frequency: Frequency | null
  utcOffsetMinutes: number | null
}

/** The step's date as the CSV writes it (the series' granularity, the file's zone), or its number without timestamps. */
export function dateLabel(forecast: FutureForecast, clock: FileClock, k: number): string {
  if (!forecast.timestamps) return String(k + 1)
  const label = timestampLabeller(forecast.timestamps, clock.frequency, clock.utcOffsetMinutes)
  return label(forecast.timestamps[k]!)
}

/**
 * The app's forecast CSV (one writer for both): one target's `date,forecast,lower80,…`, several
 * in long form, each named by the column it was read from.
 */
export function forecastCsv(forecast: FutureForecast, columns: string[], clock: FileClock): string {
  const targets = forecast.targets.map((target, t) => ({ target: columns[t]!, bands: bandsOf(target) }))
  return writeForecastCsv(
    { timestamps: forecast.timestamps, targets, ...clock },
    { delimiter: ',', decimalSeparator: '.' },
  )
}
