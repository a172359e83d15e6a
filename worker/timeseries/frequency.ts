/**
 * How far apart the observations of a series are. Shared by CSV import (which infers it),
 * forecasting (seasonal period m, future timestamps) and the UI (labels).
 */
export type FrequencyUnit =
  'second' | 'minute' | 'hour' | 'day' | 'businessDay' | 'week' | 'month' | 'quarter' | 'year'

export interface Frequency {
  unit: FrequencyUnit
  /** Multiple of the unit, e.g. 30 minutes = { unit: 'minute', step: 30 }. */
  step: number
}

/** Timestamps are milliseconds since the Unix epoch, UTC. A series without a time column uses `null`. */
export type Timestamps = Float64Array | null
