import type { PanelSeriesRow } from '../../../../electron/api/requests/panel'

/** The series table's search and sort, kept apart from the component so 10,000 rows are sorted once per change. */

export type SortColumn = 'key' | 'length' | 'missing' | 'smape' | 'mase' | 'baselineSmape'

export interface SortOrder {
  column: SortColumn
  descending: boolean
}

/** A series' key as the table shows it: its parts joined by " / ". */
export function keyText(row: Pick<PanelSeriesRow, 'key'>): string {
  return row.key.join(' / ')
}

/** Ascending order of one column; null (a series without a score) is reported apart. */
function compare(a: PanelSeriesRow, b: PanelSeriesRow, column: SortColumn): number | 'aNull' | 'bNull' | 0 {
  if (column === 'key') return keyText(a).localeCompare(keyText(b), undefined, { numeric: true })
  const x = a[column]
  const y = b[column]
  if (x === null || y === null) return x === y ? 0 : x === null ? 'aNull' : 'bNull'
  return x - y
}

/** The rows whose key contains the query (any case), in the chosen order; ties keep the file's order. */
export function tableRows(rows: readonly PanelSeriesRow[], query: string, sort: SortOrder): PanelSeriesRow[] {
  const needle = query.trim().toLowerCase()
  const kept = needle ? rows.filter((row) => keyText(row).toLowerCase().includes(needle)) : [...rows]
  const sign = sort.descending ? -1 : 1
  return kept.sort((a, b) => {
    const order = compare(a, b, sort.column)
    // Series without a score go last whichever the direction.
    if (order === 'aNull') return 1
    if (order === 'bNull') return -1
    return sign * order || a.index - b.index
  })
}

/** The `count` series with the lowest and the highest network sMAPE. */
export function bestAndWorst(
  rows: readonly PanelSeriesRow[],
  count: number,
): { best: PanelSeriesRow[]; worst: PanelSeriesRow[] } {
  const scored = rows.filter((row) => row.smape !== null).sort((a, b) => a.smape! - b.smape!)
  return { best: scored.slice(0, count), worst: scored.slice(-count).reverse() }
}
