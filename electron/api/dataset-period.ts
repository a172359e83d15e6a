import { seasonalPeriod } from '../../worker/timeseries/calendar'
import type { Frequency } from '../../worker/timeseries/frequency'

/** The part of a dataset record that keeps what import detected in the file. */
interface WithDetectedFormat {
  detectedFormat?: Record<string, unknown> | null
}

/** The spacing of the rows import detected, null when it found none (no time column, irregular). */
export function detectedFrequency(dataset: WithDetectedFormat): Frequency | null {
  const detected = dataset.detectedFormat as { frequency?: { frequency?: Frequency | null } | null } | null
  return detected?.frequency?.frequency ?? null
}

/** The seasonal period training uses for a dataset: its frequency's primary period, 1 without one. */
export function datasetPeriod(dataset: WithDetectedFormat): number {
  const frequency = detectedFrequency(dataset)
  return frequency ? seasonalPeriod(frequency) : 1
}
