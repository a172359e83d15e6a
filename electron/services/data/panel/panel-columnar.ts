import type { StaticAttributeInfo } from '../../../api/records'
import type { AttributeValue, PanelSeries } from '../../../../worker/panel/types'
import type { ColumnarColumn, ColumnarDataset } from '../../projects/columnar-cache'
import { CacheDamagedError } from '../../projects/errors'
import { valueRows } from './panel-shape'

/**
 * A panel in the project's columnar cache: one row per series and grid point, series after
 * series, with the key columns (text) first, then the time (epoch ms, NaN without dates), then
 * the value, then one column per static attribute (its series' value on each of its rows), then one
 * per covariate. A series with covariates may run past its last value by its future rows (empty
 * value and time, the covariates known ahead). Columns are read back by position, so no key or
 * attribute name can collide with the others.
 */

const TIME = 'time'
const VALUE = 'value'

/** The series' rows in the cache: its values, or its covariates where they run further (future rows). */
function rowsOf(series: PanelSeries): number {
  let rows = series.values.length
  for (const column of Object.values(series.covariates ?? {})) rows = Math.max(rows, column.length)
  return rows
}

function attributeColumn(
  attribute: StaticAttributeInfo,
  series: readonly PanelSeries[],
  rowCount: number,
): ColumnarColumn {
  const valueOf = (s: PanelSeries) => s.attributes?.[attribute.name] ?? null
  if (attribute.kind === 'numeric') {
    const values = new Float64Array(rowCount)
    let row = 0
    for (const s of series) {
      const value = valueOf(s)
      values.fill(typeof value === 'number' ? value : NaN, row, (row += rowsOf(s)))
    }
    return { name: attribute.name, kind: 'numeric', values }
  }
  const values = new Array<string | null>(rowCount)
  let row = 0
  for (const s of series) {
    const value = valueOf(s)
    values.fill(value === null ? null : String(value), row, (row += rowsOf(s)))
  }
  return { name: attribute.name, kind: 'text', values }
}

function covariateColumn(name: string, series: readonly PanelSeries[], rowCount: number): ColumnarColumn {
  const values = new Float64Array(rowCount).fill(NaN)
  let row = 0
  for (const s of series) {
    const column = s.covariates?.[name]
    if (column) values.set(column, row)
    row += rowsOf(s)
  }
  return { name, kind: 'numeric', values }
}

export function panelToColumnar(
  keyNames: string[],
  series: readonly PanelSeries[],
  attributes: readonly StaticAttributeInfo[] = [],
  covariates: readonly string[] = [],
): ColumnarDataset {
  const rowCount = series.reduce((sum, s) => sum + rowsOf(s), 0)
  const keys = keyNames.map(() => new Array<string | null>(rowCount))
  const time = new Float64Array(rowCount)
  const value = new Float64Array(rowCount)
  let row = 0
  for (const s of series) {
    for (let i = 0; i < rowsOf(s); i++, row++) {
      for (let k = 0; k < keyNames.length; k++) keys[k][row] = s.key[k] ?? null
      time[row] = s.timestamps && i < s.timestamps.length ? s.timestamps[i] : NaN
      value[row] = i < s.values.length ? s.values[i] : NaN
    }
  }
  return {
    rowCount,
    columns: [
      ...keyNames.map((name, k) => ({ name, kind: 'text' as const, values: keys[k] })),
      { name: TIME, kind: 'numeric' as const, values: time },
      { name: VALUE, kind: 'numeric' as const, values: value },
      ...attributes.map((a) => attributeColumn(a, series, rowCount)),
      ...covariates.map((name) => covariateColumn(name, series, rowCount)),
    ],
  }
}

function cellOf(column: ColumnarColumn, row: number): AttributeValue {
  const cell = column.values[row]
  if (column.kind === 'text') return (cell as string | null) ?? null
  return Number.isFinite(cell) ? (cell as number) : null
}

/** The series back from the cache, in the order they were written, with their static attributes and covariates. */
export function panelFromColumnar(
  table: ColumnarDataset,
  keyCount: number,
  file: string,
  attributes: readonly StaticAttributeInfo[] = [],
  covariates: readonly string[] = [],
): PanelSeries[] {
  const keys = table.columns.slice(0, keyCount)
  const time = table.columns[keyCount]
  const value = table.columns[keyCount + 1]
  const attributeColumns = table.columns.slice(keyCount + 2, keyCount + 2 + attributes.length)
  const covariateFrom = keyCount + 2 + attributes.length
  const covariateColumns = table.columns.slice(covariateFrom, covariateFrom + covariates.length)
  if (
    keys.length !== keyCount ||
    keys.some((c) => c.kind !== 'text') ||
    time?.kind !== 'numeric' ||
    value?.kind !== 'numeric' ||
    attributeColumns.length !== attributes.length ||
    attributeColumns.some((c, i) => c.name !== attributes[i].name) ||
    covariateColumns.length !== covariates.length ||
    covariateColumns.some((c, i) => c.name !== covariates[i] || c.kind !== 'numeric')
  )
    throw new CacheDamagedError(
      file,
      `it does not hold a panel with ${keyCount} key column(s), ${attributes.length} static attribute(s) and ${covariates.length} covariate(s)`,
    )
  const keyAt = (row: number) => keys.map((c) => String(c.values[row] ?? ''))
  const series: PanelSeries[] = []
  let start = 0
  for (let row = 1; row <= table.rowCount; row++) {
    const sameSeries = row < table.rowCount && keys.every((c) => c.values[row] === c.values[row - 1])
    if (sameSeries) continue
    // Only a panel with covariates has future rows (read-panel.ts): the values stop at the last one.
    const rowValues = value.values.subarray(start, row)
    const end = covariates.length > 0 ? start + valueRows(rowValues) : row
    const times = time.values.subarray(start, end)
    series.push({
      key: keyAt(start),
      values: value.values.subarray(start, end),
      timestamps: times.length > 0 && Number.isFinite(times[0]) ? times : null,
      ...(attributes.length > 0
        ? { attributes: Object.fromEntries(attributeColumns.map((c) => [c.name, cellOf(c, start)])) }
        : {}),
      ...(covariates.length > 0
        ? {
            covariates: Object.fromEntries(
              covariateColumns.map((c) => [c.name, (c.values as Float64Array).subarray(start, row)]),
            ),
          }
        : {}),
    })
    start = row
  }
  return series
}
