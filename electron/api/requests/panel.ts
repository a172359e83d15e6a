import { z } from 'zod'
import type { Frequency } from '../../../worker/timeseries/frequency'
import { defineRequest } from '../define'
import { absolutePath, columnName } from './common'

/** One series of a panel as the Panel screen lists it. */
export interface PanelSeriesSummary {
  key: string[]
  /** Points on the series' grid, from its first to its last row. */
  length: number
  missing: number
  /** Epoch ms of the first and last point; null without dates. */
  start: number | null
  end: number | null
}

/** What a CSV holds when read as a panel, before anything is trained. */
export interface PanelInspection {
  fileName: string
  form: 'long' | 'wide'
  keyNames: string[]
  valueNames: string[]
  frequency: Frequency | null
  rowCount: number
  seriesCount: number
  lengths: { min: number; median: number; max: number }
  missing: number
  warnings: string[]
  /** The first `limit` series in file order (all of them up to 10,000). */
  series: PanelSeriesSummary[]
}

export const panelRequests = {
  'panel.inspect': defineRequest<PanelInspection>()(
    'Reads a CSV as a panel of many series (long form: key column(s), time, value; wide form: one column per series) and summarises each series.',
    z
      .object({
        path: absolutePath,
        form: z.enum(['long', 'wide']).optional(),
        ids: z.array(columnName).min(1).max(8).optional(),
        target: columnName.optional(),
        time: columnName.optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
  ),
}
