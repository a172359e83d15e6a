import type { Frequency } from '../../../worker/timeseries/frequency'
import { seasonalPeriod } from '../../../worker/timeseries/calendar'

/** The part of a dataset record that holds the frequency detected at import. */
interface WithDetectedFormat {
  detectedFormat?: Record<string, unknown> | null
}

/**
 * The seasonal period the services will use for this dataset: the primary period of the frequency
 * detected at import, 1 without one (as electron/services/forecasting/dataset-series.ts reads it).
 */
export function seasonalPeriodOf(dataset: WithDetectedFormat | null): number | null {
  if (!dataset) return null
  const detected = dataset.detectedFormat as { frequency?: { frequency?: Frequency | null } | null } | null
  const frequency = detected?.frequency?.frequency ?? null
  return frequency ? seasonalPeriod(frequency) : 1
}
