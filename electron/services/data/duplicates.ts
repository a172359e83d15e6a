import type { Table } from './table'
import { pickRows } from './table'
import type { DuplicateGroup } from './types'

/** Runs of equal timestamps in a sorted table, as [start, end) row ranges. */
export function duplicateRuns(times: Float64Array): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  let start = 0
  for (let i = 1; i <= times.length; i++) {
    if (i < times.length && times[i] === times[start]) continue
    if (i - start > 1) runs.push([start, i])
    start = i
  }
  return runs
}

export function describeRuns(table: Table, runs: Array<[number, number]>, limit = 20): DuplicateGroup[] {
  return runs.slice(0, limit).map(([start, end]) => ({
    timestampMs: table.timestamps![start],
    lines: Array.from(table.lines.subarray(start, end)),
  }))
}

function lastOfEachTimestamp(times: Float64Array): Uint32Array {
  const keep: number[] = []
  for (let i = 0; i < times.length; i++) if (i === times.length - 1 || times[i + 1] !== times[i]) keep.push(i)
  return Uint32Array.from(keep)
}

function meanIgnoringMissing(values: Float64Array, start: number, end: number): number {
  let sum = 0
  let count = 0
  for (let i = start; i < end; i++) {
    if (Number.isNaN(values[i])) continue
    sum += values[i]
    count++
  }
  return count === 0 ? NaN : sum / count
}

/** One row per timestamp: the last row of each run, or (for numbers) the mean of the run's known values. */
export function collapseDuplicates(table: Table, policy: 'keepLast' | 'average'): Table {
  const times = table.timestamps!
  const runs = policy === 'average' ? duplicateRuns(times) : []
  const averaged = runs.length === 0 ? table : averageRunsInPlace(table, runs)
  return pickRows(averaged, lastOfEachTimestamp(times))
}

/** Writes each run's mean into its last row, which is the row kept. */
function averageRunsInPlace(table: Table, runs: Array<[number, number]>): Table {
  for (const column of table.columns) {
    if (column.kind !== 'numeric') continue
    for (const [start, end] of runs) column.values[end - 1] = meanIgnoringMissing(column.values, start, end)
  }
  return table
}
