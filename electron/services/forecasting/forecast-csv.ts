import type { IntervalBands } from '../../api/requests/models'

export interface CsvStyle {
  delimiter: ',' | ';' | '\t'
  decimalSeparator: '.' | ','
}

function numberIn(style: CsvStyle) {
  return (value: number) => (Number.isFinite(value) ? String(value).replace('.', style.decimalSeparator) : '')
}

function rowsOf(timestamps: number[] | null, bands: IntervalBands, style: CsvStyle, label: string[]) {
  const number = numberIn(style)
  return bands.mean.map((mean, i) => {
    const when = timestamps ? new Date(timestamps[i] ?? Number.NaN).toISOString() : String(i + 1)
    const cells = [mean, bands.lower80[i], bands.upper80[i], bands.lower95[i], bands.upper95[i]]
    return [when, ...label, ...cells.map((value) => number(value ?? Number.NaN))].join(style.delimiter)
  })
}

const BAND_COLUMNS = ['forecast', 'lower80', 'upper80', 'lower95', 'upper95']

/** `date,forecast,lower80,upper80,lower95,upper95` — dates as ISO 8601 (UTC), or step numbers. */
export function forecastCsv(timestamps: number[] | null, bands: IntervalBands, style: CsvStyle): string {
  const header = ['date', ...BAND_COLUMNS].join(style.delimiter)
  return [header, ...rowsOf(timestamps, bands, style, [])].join('\n') + '\n'
}

/** Several targets in long form, `date,target,forecast,…`: one block of rows per target, in the model's order. */
export function targetsForecastCsv(
  timestamps: number[] | null,
  targets: Array<{ target: string; bands: IntervalBands }>,
  style: CsvStyle,
): string {
  const header = ['date', 'target', ...BAND_COLUMNS].join(style.delimiter)
  const rows = targets.flatMap(({ target, bands }) => rowsOf(timestamps, bands, style, [target]))
  return [header, ...rows].join('\n') + '\n'
}

/** The long form when a forecast has several targets, else the single-target form. */
export function anyForecastCsv(
  saved: { timestamps: number[] | null; targets: Array<{ target: string; bands: IntervalBands }> },
  style: CsvStyle,
): string {
  return saved.targets.length > 1
    ? targetsForecastCsv(saved.timestamps, saved.targets, style)
    : forecastCsv(saved.timestamps, saved.targets[0].bands, style)
}
