import { addSteps } from '../../../worker/timeseries/calendar'
import { numberText } from '../exports/number-text'
import { timestampLabeller } from '../exports/timestamp-label'
import type { PredictionInterval } from '../../../worker/statistics/types'
import type { Frequency } from '../../../worker/timeseries/frequency'

/**
 * A panel's forecasts as a long CSV: one row per series and step ahead, `id,date,forecast,lo80,hi80,lo95,hi95` for
 * a single key column, or one column per key (`store,product,date,forecast`) for several. Dates
 * continue each series' own last timestamp at the panel's frequency, written at its granularity
 * (`1993-01` quarterly and monthly, as the single-series CSV writes them); the step number (1…h)
 * stands in when the panel has no dates. Numbers to 6 significant digits, like every export.
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

/** The step labels of one series: its dates after the last one, or the step numbers without dates. */
function dateCells(last: number | null, frequency: Frequency | null, steps: number): string[] {
  if (last === null || frequency === null) return Array.from({ length: steps }, (_, k) => String(k + 1))
  const times = Array.from({ length: steps }, (_, k) => addSteps(last, frequency, k + 1))
  return times.map(timestampLabeller(times, frequency, null))
}

/** The label of step k (0-based) of one series, as dateCells writes it among its first k + 1 steps. */
export function dateCell(last: number | null, frequency: Frequency | null, k: number): string {
  return dateCells(last, frequency, k + 1)[k]!
}

const number = (value: number | undefined) => numberText(value)

const LEVELS = [80, 95]

export function panelForecastCsv(rows: PanelForecastRows): string {
  const keyHeader = rows.keyNames.length === 1 ? ['id'] : rows.keyNames
  const withBands = rows.series.some((s) => s.intervals !== undefined)
  const bandHeader = withBands ? LEVELS.flatMap((l) => [`lo${l}`, `hi${l}`]) : []
  const lines = [[...keyHeader, 'date', 'forecast', ...bandHeader].map(cell).join(',')]
  for (const s of rows.series) {
    const dates = dateCells(s.lastTimestamp, rows.frequency, s.forecast.length)
    for (let k = 0; k < s.forecast.length; k++) {
      const bands = withBands
        ? LEVELS.flatMap((level) => {
            const band = s.intervals?.find((i) => i.level === level)
            return [number(band?.lower[k]), number(band?.upper[k])]
          })
        : []
      lines.push([...s.key.map(cell), dates[k]!, number(s.forecast[k]), ...bands].join(','))
    }
  }
  return `${lines.join('\n')}\n`
}
