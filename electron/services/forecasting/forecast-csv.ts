import type { IntervalBands } from '../../api/requests/models'

export interface CsvStyle {
  delimiter: ',' | ';' | '\t'
  decimalSeparator: '.' | ','
}

/** `date,forecast,lower80,upper80,lower95,upper95` — dates as ISO 8601 (UTC), or step numbers. */
export function forecastCsv(timestamps: number[] | null, bands: IntervalBands, style: CsvStyle): string {
  const number = (value: number) =>
    Number.isFinite(value) ? String(value).replace('.', style.decimalSeparator) : ''
  const header = ['date', 'forecast', 'lower80', 'upper80', 'lower95', 'upper95'].join(style.delimiter)
  const rows = bands.mean.map((mean, i) => {
    const when = timestamps ? new Date(timestamps[i] ?? Number.NaN).toISOString() : String(i + 1)
    const cells = [mean, bands.lower80[i], bands.upper80[i], bands.lower95[i], bands.upper95[i]]
    return [when, ...cells.map((value) => number(value ?? Number.NaN))].join(style.delimiter)
  })
  return [header, ...rows].join('\n') + '\n'
}
