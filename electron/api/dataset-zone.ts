/** The part of a dataset record that keeps what import detected in the file. */
interface WithDetectedFormat {
  detectedFormat?: Record<string, unknown> | null
}

/**
 * The zone offset (minutes east of UTC) the file wrote on every timestamp, e.g. 60 for
 * `2020-03-01T00:00:00+01:00`; null when it wrote none or several (times are then in UTC).
 * Datasets imported before it was recorded have none.
 */
export function datasetUtcOffset(dataset: WithDetectedFormat): number | null {
  const offset = dataset.detectedFormat?.utcOffsetMinutes
  return typeof offset === 'number' && Number.isFinite(offset) ? offset : null
}
