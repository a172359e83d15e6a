import { basename } from 'node:path'
import { readHead } from '../import-csv'
import { parseCsvBytes } from '../parse-csv-bytes'
import { keyCandidates } from './read-panel'
import { findTimeColumn } from './time-cells'

/**
 * Whether a CSV looks like a long-form panel, read from its head only: a text column besides the
 * time column (the series' key) and dates that repeat (one row per series and date). Single-series
 * files, whose text columns are labels or notes, have each date once, so they keep the one-series path.
 */

const HEAD_BYTES = 256 * 1024

export async function detectLongPanel(path: string): Promise<{ keys: string[] } | null> {
  const { head, size } = await readHead(path, HEAD_BYTES)
  // Cut at the last line break so no row is read half.
  const end = size > head.length ? head.lastIndexOf(10) + 1 : head.length
  try {
    const outcome = parseCsvBytes(head.subarray(0, end), basename(path), { timeColumn: null })
    if (outcome.status !== 'ok') return null
    const { columns } = outcome.dataset
    const time = findTimeColumn(columns, basename(path))
    const keys = keyCandidates(columns, time.name)
    if (keys.length === 0 || time.kind !== 'text') return null
    const dates = new Set(time.values)
    return dates.size < time.values.length ? { keys } : null
  } catch {
    // Whatever this head cannot tell, the one-series import will say in its own words.
    return null
  }
}
