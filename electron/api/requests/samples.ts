import { z } from 'zod'
import type { Frequency } from '../../../worker/timeseries/frequency'
import { defineRequest } from '../define'

export interface SampleInfo {
  id: string
  title: string
  description: string
  source: string
  /** Inferred spacing of the observations; null when the series has no time column. */
  frequency: Frequency | null
  length: number
  columns: string[]
}

export interface SeriesData {
  sampleId: string
  /** Epoch milliseconds (UTC), or null when the data has no time column. */
  timestamps: number[] | null
  columns: Array<{ name: string; values: Array<number | null> }>
}

const sampleId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a sample id such as "AirPassengers"')

export const sampleRequests = {
  'samples.list': defineRequest<SampleInfo[]>()('The bundled public series.', z.object({}).strict()),
  'samples.series': defineRequest<SeriesData>()(
    'The values of one bundled series, for charts.',
    z.object({ id: sampleId }).strict(),
  ),
}
