import { cell, dateCell, type PanelForecastRows } from './panel-forecast-csv'

/**
 * A panel's forecasts as a wide CSV: a `date` column, then one column per series (its key, parts
 * joined by "/"), one row per date any series forecasts. Series end on different dates, so a
 * series' cell is empty on dates outside its own horizon. Bands stay in the long CSV (five columns
 * per series would make the wide file unreadable).
 */
export function panelForecastWideCsv(rows: PanelForecastRows): string {
  const byDate = new Map<string, { order: number; values: Map<number, number> }>()
  rows.series.forEach((s, index) => {
    for (let k = 0; k < s.forecast.length; k++) {
      const date = dateCell(s.lastTimestamp, rows.frequency, k)
      const order = s.lastTimestamp !== null && rows.frequency !== null ? Date.parse(date) : k
      const row = byDate.get(date) ?? { order, values: new Map<number, number>() }
      row.values.set(index, s.forecast[k])
      byDate.set(date, row)
    }
  })
  const header = ['date', ...rows.series.map((s) => s.key.join('/'))].map(cell).join(',')
  const lines = [...byDate]
    .sort((a, b) => a[1].order - b[1].order)
    .map(([date, row]) =>
      [
        date,
        ...rows.series.map((_, index) => {
          const value = row.values.get(index)
          return value !== undefined && Number.isFinite(value) ? String(value) : ''
        }),
      ].join(','),
    )
  return `${[header, ...lines].join('\n')}\n`
}
