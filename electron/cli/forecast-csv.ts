import type { FutureForecast } from '../../worker/pipeline/index'
import type { Frequency } from '../../worker/timeseries/frequency'
import { bandsOf, forecastCsv as writeForecastCsv } from '../services/forecasting/forecast-csv'
import { timestampLabeller } from '../services/exports/timestamp-label'

/** The step's date as the CSV writes it (the series' granularity), or its number without timestamps. */
export function dateLabel(forecast: FutureForecast, frequency: Frequency | null, k: number): string {
  if (!forecast.timestamps) return String(k + 1)
  return timestampLabeller(forecast.timestamps, frequency, null)(forecast.timestamps[k]!)
}

/**
 * The app's forecast CSV (one writer for both): one target's `date,forecast,lower80,…`, several
 * in long form, each named by the column it was read from.
 */
export function forecastCsv(
  forecast: FutureForecast,
  columns: string[],
  frequency: Frequency | null,
): string {
  const targets = forecast.targets.map((target, t) => ({ target: columns[t]!, bands: bandsOf(target) }))
  return writeForecastCsv(
    { timestamps: forecast.timestamps, targets, frequency },
    { delimiter: ',', decimalSeparator: '.' },
  )
}
