import { addSteps } from '../../../worker/timeseries/calendar'
import type { PredictionInterval } from '../../../worker/statistics/types'
import type { Frequency } from '../../../worker/timeseries/frequency'

/**
 * A panel's forecasts as a long CSV: one row per series and step ahead, `id,date,forecast,lo80,hi80,lo95,hi95` for
 * a single key column, or one column per key (`store,product,date,forecast`) for several. Dates
 * continue each series' own last timestamp at the panel's frequency; the step number (1…h) stands
 * in when the panel has no dates.
 */

export interface PanelForecastRows {
  keyNames: string[]
  frequency: Frequency | null
  series: {
    key: string[]
    lastTimestamp: number | null
    forecast: ArrayLike<number>
    /** 80 % and 95 % bands, written as lo80,hi80,lo95,hi95 when given. */
    intervals?: PredictionInterval[]
  }[]
}

export function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function dateCell(last: number | null, frequency: Frequency | null, k: number): string {
  if (last === null || frequency === null) return String(k + 1)
  const iso = new Date(addSteps(last, frequency, k + 1)).toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z')
}

const number = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) ? String(value) : ''

const LEVELS = [80, 95]

export function panelForecastCsv(rows: PanelForecastRows): string {
  const keyHeader = rows.keyNames.length === 1 ? ['id'] : rows.keyNames
  const withBands = rows.series.some((s) => s.intervals !== undefined)
  const bandHeader = withBands ? LEVELS.flatMap((l) => [`lo${l}`, `hi${l}`]) : []
  const lines = [[...keyHeader, 'date', 'forecast', ...bandHeader].map(cell).join(',')]
  for (const s of rows.series)
    for (let k = 0; k < s.forecast.length; k++) {
      const bands = withBands
        ? LEVELS.flatMap((level) => {
            const band = s.intervals?.find((i) => i.level === level)
            return [number(band?.lower[k]), number(band?.upper[k])]
          })
        : []
      lines.push(
        [
          ...s.key.map(cell),
          dateCell(s.lastTimestamp, rows.frequency, k),
          number(s.forecast[k]),
          ...bands,
        ].join(','),
      )
    }
  return `${lines.join('\n')}\n`
}
