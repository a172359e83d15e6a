import type { StaticAttributeInfo } from '../../../api/records'
import type { AttributeValue, PanelSeries } from '../../../../worker/panel/types'
import type { ColumnarColumn, ColumnarDataset } from '../../projects/columnar-cache'
import { CacheDamagedError } from '../../projects/errors'

/**
 * A panel in the project's columnar cache: one row per series and grid point, series after
 * series, with the key columns (text) first, then the time (epoch ms, NaN without dates), then
 * the value, then one column per static attribute (its series' value on each of its rows). Columns
 * are read back by position, so no key or attribute name can collide with the others.
 */

const TIME = 'time'
const VALUE = 'value'

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
      values.fill(typeof value === 'number' ? value : NaN, row, (row += s.values.length))
    }
    return { name: attribute.name, kind: 'numeric', values }
  }
  const values = new Array<string | null>(rowCount)
  let row = 0
  for (const s of series) {
    const value = valueOf(s)
    values.fill(value === null ? null : String(value), row, (row += s.values.length))
  }
  return { name: attribute.name, kind: 'text', values }
}

export function panelToColumnar(
  keyNames: string[],
  series: readonly PanelSeries[],
  attributes: readonly StaticAttributeInfo[] = [],
): ColumnarDataset {
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
      ...attributes.map((a) => attributeColumn(a, series, rowCount)),
    ],
  }
}

function cellOf(column: ColumnarColumn, row: number): AttributeValue {
  const cell = column.values[row]
  if (column.kind === 'text') return (cell as string | null) ?? null
  return Number.isFinite(cell) ? (cell as number) : null
}

/** The series back from the cache, in the order they were written, with their static attributes. */
export function panelFromColumnar(
  table: ColumnarDataset,
  keyCount: number,
  file: string,
  attributes: readonly StaticAttributeInfo[] = [],
): PanelSeries[] {
  const keys = table.columns.slice(0, keyCount)
  const time = table.columns[keyCount]
  const value = table.columns[keyCount + 1]
  const attributeColumns = table.columns.slice(keyCount + 2, keyCount + 2 + attributes.length)
  if (
    keys.length !== keyCount ||
    keys.some((c) => c.kind !== 'text') ||
    time?.kind !== 'numeric' ||
    value?.kind !== 'numeric' ||
    attributeColumns.length !== attributes.length ||
    attributeColumns.some((c, i) => c.name !== attributes[i].name)
  )
    throw new CacheDamagedError(
      file,
      `it does not hold a panel with ${keyCount} key column(s) and ${attributes.length} static attribute(s)`,
    )
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
      ...(attributes.length > 0
        ? { attributes: Object.fromEntries(attributeColumns.map((c) => [c.name, cellOf(c, start)])) }
        : {}),
    })
    start = row
  }
  return series
}
