import type { Metrics } from '../../../../electron/api/requests/models'

type FormatNumber = (value: number, options: Intl.NumberFormatOptions) => string

/** MAPE and sMAPE are percentages (the services send 12.3 for 12.3 %): they read with a `%`. */
const percentMetrics = new Set<keyof Metrics>(['mape', 'smape'])

/** One metric as the tables show it, in the interface's locale; `—` where it does not apply. */
export function formatMetric(value: number | null, metric: keyof Metrics, n: FormatNumber): string {
  if (value === null) return '—'
  if (percentMetrics.has(metric)) return n(value / 100, { style: 'percent', maximumSignificantDigits: 3 })
  return n(value, { maximumSignificantDigits: 4 })
}
