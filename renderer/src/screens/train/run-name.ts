import type { DatasetRecord, RunRecord } from '../../../../electron/api/records'

type FormatDate = (value: Date) => string

/**
 * A run as a person names it: what it learned from, what network, and when — "AirPassengers ·
 * LSTM 16 → LSTM 8 · 6 Dec 2026, 13:40" — rather than its id.
 */
export function runName(
  run: RunRecord,
  layers: string | undefined,
  datasets: Pick<DatasetRecord, 'id' | 'name'>[],
  formatDate: FormatDate,
): string {
  const source = run.config.source as { datasetId?: unknown } | undefined
  const dataset = datasets.find((record) => record.id === source?.datasetId)?.name
  const parts = [dataset, layers && layers !== '—' ? layers : undefined]
  if (run.started) parts.push(formatDate(new Date(run.started)))
  const named = parts.filter((part): part is string => Boolean(part))
  return named.length > 0 ? named.join(' · ') : run.id
}

/** Settings that say nothing about the model (where it came from, how it was started). */
const HIDDEN = [/^source\.projectId$/, /^source\.datasetId$/, /^runId$/, /^resume$/]

export function isShownSetting(key: string): boolean {
  return !HIDDEN.some((pattern) => pattern.test(key))
}

/** Settings whose Model-screen word is not under their last path segment. */
const SPECIAL: Record<string, string> = {
  'config.layers': 'model.stack',
  'config.optimizer.name': 'model.optimizer',
  'config.schedule.kind': 'model.schedule',
}

/**
 * A setting's row label: the Model screen's own word for it where there is one ("Lookback
 * (steps)" for `config.lookback`, "Backtest origins" for `forecasting.backtest.origins`), else
 * its path.
 */
export function settingLabel(key: string, t: (key: string) => string, te: (key: string) => boolean): string {
  const segments = key.split('.')
  const last = segments.at(-1) ?? key
  const parent = segments.at(-2)
  const candidates = [
    SPECIAL[key],
    parent ? `model.${parent}${last.charAt(0).toUpperCase()}${last.slice(1)}` : undefined,
    `model.${last}`,
  ]
  const found = candidates.find((candidate): candidate is string => candidate !== undefined && te(candidate))
  return found ? t(found) : key
}
