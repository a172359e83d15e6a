import { CsvImportError } from './csv-import-error'
import type { Table } from './table'
import { pickRows } from './table'
import type { MissingPolicy } from './types'

/** Position of each row on the time axis: real time when known, else the row index. */
function axisOf(table: Table, i: number): number {
  return table.timestamps ? table.timestamps[i] : i
}

/** Linear in time between known neighbours; the ends take the nearest known value. Returns cells filled. */
function interpolate(values: Float64Array, table: Table): number {
  let filled = 0
  let previous = -1
  for (let i = 0; i <= values.length; i++) {
    if (i < values.length && Number.isNaN(values[i])) continue
    const gapStart = previous + 1
    for (let k = gapStart; k < i; k++) {
      if (previous < 0 && i >= values.length) return 0
      if (previous < 0) values[k] = values[i]
      else if (i >= values.length) values[k] = values[previous]
      else {
        const x0 = axisOf(table, previous)
        const share = (axisOf(table, k) - x0) / (axisOf(table, i) - x0)
        values[k] = values[previous] + share * (values[i] - values[previous])
      }
      filled++
    }
    previous = i
  }
  return filled
}

/** Carries the last known value forward; leading gaps take the first known value. */
function forwardFill(values: Float64Array): number {
  let filled = 0
  const first = values.findIndex((v) => !Number.isNaN(v))
  if (first < 0) return 0
  let last = values[first]
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      values[i] = i < first ? values[first] : last
      filled++
    } else last = values[i]
  }
  return filled
}

function dropIncompleteRows(table: Table, fileName: string): { table: Table; dropped: number } {
  const numeric = table.columns.filter((c) => c.kind === 'numeric').map((c) => c.values as Float64Array)
  const keep: number[] = []
  for (let i = 0; i < table.lines.length; i++) if (numeric.every((v) => !Number.isNaN(v[i]))) keep.push(i)
  if (keep.length === 0)
    throw new CsvImportError('NO_DATA_ROWS', fileName, 'every row has a missing value, none are left')
  return { table: pickRows(table, Uint32Array.from(keep)), dropped: table.lines.length - keep.length }
}

export interface MissingHandled {
  table: Table
  /** Cells filled in, or rows dropped for `dropRows`. */
  changed: number
}

export function handleMissing(table: Table, policy: MissingPolicy, fileName: string): MissingHandled {
  if (policy === 'none') return { table, changed: 0 }
  if (policy === 'dropRows') {
    const { table: kept, dropped } = dropIncompleteRows(table, fileName)
    return { table: kept, changed: dropped }
  }
  let changed = 0
  for (const column of table.columns) {
    if (column.kind !== 'numeric') continue
    changed += policy === 'interpolate' ? interpolate(column.values, table) : forwardFill(column.values)
  }
  return { table, changed }
}
