import type { StaticAttributeInfo } from '../../../api/records'
import type { AttributeValue } from '../../../../worker/panel/types'
import type { DataColumn } from '../types'

/**
 * Static attributes of a long panel: the columns besides keys, time and value whose cell is the
 * same on every row of each series (a product's category, a store's size). They may become
 * inputs of the global model; a column that changes within a series is not one (it would be a
 * covariate), and is named as such so a request for it can say why it is refused.
 */

export interface DetectedAttributes {
  attributes: StaticAttributeInfo[]
  /** Other columns, which change within at least one series. */
  varying: string[]
  /** Per series (in the order of `rowsOfSeries`), each attribute's value. */
  values: Record<string, AttributeValue>[]
}

/** Joins the cells of a row's key columns (a separator no CSV cell holds). */
export const KEY_SEPARATOR = '\u001f'

function cellText(col: DataColumn, row: number): string {
  return col.kind === 'text' ? col.values[row] : String(col.values[row])
}

function cellValue(col: DataColumn, row: number): AttributeValue {
  if (col.kind === 'text') return col.values[row].trim() === '' ? null : col.values[row]
  const value = col.values[row]
  return Number.isFinite(value) ? value : null
}

/** Rows of each series, in order of first appearance, keyed by the joined key cells. */
export function groupRows(keys: readonly DataColumn[], rowCount: number): Map<string, number[]> {
  const rows = new Map<string, number[]>()
  for (let r = 0; r < rowCount; r++) {
    const key = keys.map((k) => cellText(k, r)).join(KEY_SEPARATOR)
    const list = rows.get(key)
    if (list) list.push(r)
    else rows.set(key, [r])
  }
  return rows
}

function isConstant(col: DataColumn, rows: readonly number[]): boolean {
  const first = cellValue(col, rows[0])
  for (let i = 1; i < rows.length; i++) if (!Object.is(cellValue(col, rows[i]), first)) return false
  return true
}

export function detectStaticAttributes(
  candidates: readonly DataColumn[],
  rowsOfSeries: readonly (readonly number[])[],
): DetectedAttributes {
  const attributes: StaticAttributeInfo[] = []
  const varying: string[] = []
  const values: Record<string, AttributeValue>[] = rowsOfSeries.map(() => ({}))
  for (const col of candidates) {
    if (!rowsOfSeries.every((rows) => rows.length === 0 || isConstant(col, rows))) {
      varying.push(col.name)
      continue
    }
    const distinct = new Set<AttributeValue>()
    rowsOfSeries.forEach((rows, s) => {
      const value = rows.length > 0 ? cellValue(col, rows[0]) : null
      values[s][col.name] = value
      if (value !== null) distinct.add(value)
    })
    attributes.push({
      name: col.name,
      kind: col.kind === 'numeric' ? 'numeric' : 'categorical',
      categories: distinct.size,
    })
  }
  return { attributes, varying, values }
}

/**
 * The key columns among text columns when none are named: a column that is constant within the
 * series the others define (a category beside a product id) adds no series; it is an attribute.
 * The first candidate is always kept; the others are tried from the last.
 */
export function essentialKeys(columns: readonly DataColumn[], candidates: readonly string[]): string[] {
  const byName = (name: string) => columns.find((c) => c.name === name)!
  const rowCount = columns[0]?.values.length ?? 0
  let keys = [...candidates]
  const seriesCount = groupRows(keys.map(byName), rowCount).size
  for (let i = candidates.length - 1; i >= 1; i--) {
    const without = keys.filter((k) => k !== candidates[i])
    if (groupRows(without.map(byName), rowCount).size === seriesCount) keys = without
  }
  return keys
}
