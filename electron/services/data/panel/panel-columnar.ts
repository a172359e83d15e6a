import type { PanelSeries } from '../../../../worker/panel/types'
import type { ColumnarDataset } from '../../projects/columnar-cache'
import { CacheDamagedError } from '../../projects/errors'

/**
 * A panel in the project's columnar cache: one row per series and grid point, series after
 * series, with the key columns (text) first, then the time (epoch ms, NaN without dates), then
 * the value. Columns are read back by position, so no key name can collide with the others.
 */

const TIME = 'time'
const VALUE = 'value'

export function panelToColumnar(keyNames: string[], series: readonly PanelSeries[]): ColumnarDataset {
  const rowCount = series.reduce((sum, s) => sum + s.values.length, 0)
  const keys = keyNames.map(() => new Array<string | null>(rowCount))
  const time = new Float64Array(rowCount)
  const value = new Float64Array(rowCount)
  let row = 0
  for (const s of series) {
    for (let i = 0; i < s.values.length; i++, row++) {
      for (let k = 0; k < keyNames.length; k++) keys[k][row] = s.key[k] ?? null
      time[row] = s.timestamps ? s.timestamps[i] : NaN
      value[row] = s.values[i]
    }
  }
  return {
    rowCount,
    columns: [
      ...keyNames.map((name, k) => ({ name, kind: 'text' as const, values: keys[k] })),
      { name: TIME, kind: 'numeric' as const, values: time },
      { name: VALUE, kind: 'numeric' as const, values: value },
    ],
  }
}

/** The series back from the cache, in the order they were written. */
export function panelFromColumnar(table: ColumnarDataset, keyCount: number, file: string): PanelSeries[] {
  const keys = table.columns.slice(0, keyCount)
  const time = table.columns[keyCount]
  const value = table.columns[keyCount + 1]
  if (
    keys.length !== keyCount ||
    keys.some((c) => c.kind !== 'text') ||
    time?.kind !== 'numeric' ||
    value?.kind !== 'numeric'
  )
    throw new CacheDamagedError(file, `it does not hold a panel with ${keyCount} key column(s)`)
  const keyAt = (row: number) => keys.map((c) => String(c.values[row] ?? ''))
  const series: PanelSeries[] = []
  let start = 0
  for (let row = 1; row <= table.rowCount; row++) {
    const sameSeries = row < table.rowCount && keys.every((c) => c.values[row] === c.values[row - 1])
    if (sameSeries) continue
    const times = time.values.subarray(start, row)
    series.push({
      key: keyAt(start),
      values: value.values.subarray(start, row),
      timestamps: times.length > 0 && Number.isFinite(times[0]) ? times : null,
    })
    start = row
  }
  return series
}
