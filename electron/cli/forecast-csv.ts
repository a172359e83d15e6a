import type { FutureForecast, TargetForecast } from '../../worker/pipeline/index'

/** ISO date for midnight timestamps, full ISO time otherwise; the step number without timestamps. */
export function dateLabel(forecast: FutureForecast, k: number): string {
  if (!forecast.timestamps) return String(k + 1)
  const iso = new Date(forecast.timestamps[k]).toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z')
}

function number(value: number): string {
  return Number.isFinite(value) ? String(value) : ''
}

/** A CSV cell: quoted when the name holds a delimiter, a quote or a line break. */
function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** `forecast,lower80,upper80,lower95,upper95` of step k. */
function bandCells(target: TargetForecast, k: number): string[] {
  const band = (level: number) => target.intervals.find((interval) => interval.level === level)
  return [
    number(target.mean[k]),
    ...[80, 95].flatMap((level) => [
      number(band(level)?.lower[k] ?? NaN),
      number(band(level)?.upper[k] ?? NaN),
    ]),
  ]
}

const BAND_HEADER = 'forecast,lower80,upper80,lower95,upper95'

/**
 * `date,forecast,lower80,upper80,lower95,upper95` for one target; several targets in long form,
 * `date,target,forecast,…`, one block of rows per target in the model's order, each named by
 * the column it was read from.
 */
export function forecastCsv(forecast: FutureForecast, columns: string[]): string {
  const long = forecast.targets.length > 1
  const header = long ? `date,target,${BAND_HEADER}` : `date,${BAND_HEADER}`
  const rows = forecast.targets.flatMap((target, t) =>
    Array.from(target.mean, (_, k) =>
      [dateLabel(forecast, k), ...(long ? [cell(columns[t])] : []), ...bandCells(target, k)].join(','),
    ),
  )
  return `${[header, ...rows].join('\n')}\n`
}
