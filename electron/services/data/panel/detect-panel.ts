import { basename } from 'node:path'
import { readHead } from '../import-csv'
import { parseCsvBytes } from '../parse-csv-bytes'
import { keyCandidates } from './read-panel'
import { essentialKeys } from './static-attributes'
import { findTimeColumn } from './time-cells'

/**
 * Whether a CSV looks like a long-form panel, read from its head only: a text column besides the
 * time column (the series' key) and dates that repeat (one row per series and date). Single-series
 * files, whose text columns are labels or notes, have each date once, so they keep the one-series path.
 * A text column constant within the series the other keys define (a category beside an id) is
 * not a key but a static attribute; numeric attributes are found when the whole file is read.
 */

const HEAD_BYTES = 256 * 1024

export interface DetectedLongPanel {
  keys: string[]
  /** Text columns constant within every series of the head: static attributes, not keys. */
  attributes: string[]
}

export async function detectLongPanel(path: string): Promise<DetectedLongPanel | null> {
  try {
    const { head, size } = await readHead(path, HEAD_BYTES)
    // Cut at the last line break so no row is read half.
    const end = size > head.length ? head.lastIndexOf(10) + 1 : head.length
    const outcome = parseCsvBytes(head.subarray(0, end), basename(path), { timeColumn: null })
    if (outcome.status !== 'ok') return null
    const { columns } = outcome.dataset
    const time = findTimeColumn(columns, basename(path))
    const candidates = keyCandidates(columns, time.name)
    if (candidates.length === 0 || time.kind !== 'text') return null
    const dates = new Set(time.values)
    if (dates.size === time.values.length) return null
    const keys = essentialKeys(columns, candidates)
    return { keys, attributes: candidates.filter((c) => !keys.includes(c)) }
  } catch {
    // Whatever this head cannot tell (or a file it cannot read), the one-series import will say in its own words.
    return null
  }
}
