import { addSteps } from '../../../worker/timeseries/calendar'
import type { Frequency } from '../../../worker/timeseries/frequency'

/**
 * A panel's forecasts as a long CSV: one row per series and step ahead, `id,date,forecast` for
 * a single key column, or one column per key (`store,product,date,forecast`) for several. Dates
 * continue each series' own last timestamp at the panel's frequency; the step number (1…h) stands
 * in when the panel has no dates.
 */

export interface PanelForecastRows {
  keyNames: string[]
  frequency: Frequency | null
  series: { key: string[]; lastTimestamp: number | null; forecast: ArrayLike<number> }[]
}

function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function dateCell(last: number | null, frequency: Frequency | null, k: number): string {
  if (last === null || frequency === null) return String(k + 1)
  const iso = new Date(addSteps(last, frequency, k + 1)).toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z')
}

export function panelForecastCsv(rows: PanelForecastRows): string {
  const keyHeader = rows.keyNames.length === 1 ? ['id'] : rows.keyNames
  const lines = [[...keyHeader, 'date', 'forecast'].map(cell).join(',')]
  for (const s of rows.series)
    for (let k = 0; k < s.forecast.length; k++) {
      const value = Number.isFinite(s.forecast[k]) ? String(s.forecast[k]) : ''
      lines.push([...s.key.map(cell), dateCell(s.lastTimestamp, rows.frequency, k), value].join(','))
    }
  return `${lines.join('\n')}\n`
}
