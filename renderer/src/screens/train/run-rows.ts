import type { ModelRecord, RunRecord } from '../../../../electron/api/records'

/** One run with what it produced, as the comparison table lists it. */
export interface RunSummary {
  run: RunRecord
  model: ModelRecord | null
  /** Flat "path → value" description of the configuration, e.g. "layers" → "LSTM 32 → LSTM 16". */
  settings: Record<string, string>
}

function describeLayers(layers: unknown): string {
  if (!Array.isArray(layers)) return '—'
  return layers
    .map(
      (layer: { cell?: string; units?: number }) =>
        `${(layer.cell ?? 'lstm').toUpperCase()} ${layer.units ?? '?'}`,
    )
    .join(' → ')
}

function flatten(prefix: string, value: unknown, into: Record<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(prefix ? `${prefix}.${key}` : key, inner, into)
  } else if (prefix === 'layers' || prefix.endsWith('.layers')) {
    into[prefix] = describeLayers(value)
  } else {
    into[prefix] = value === null || value === undefined ? '—' : String(value)
  }
}

export function summarizeRuns(runs: RunRecord[], models: ModelRecord[]): RunSummary[] {
  return runs.map((run) => {
    const settings: Record<string, string> = {}
    flatten('', run.config, settings)
    return { run, model: models.find((m) => m.runId === run.id) ?? null, settings }
  })
}

/** Settings keys any of the compared runs has, in a stable order. */
export function settingKeys(summaries: RunSummary[]): string[] {
  const keys = new Set<string>()
  for (const summary of summaries) for (const key of Object.keys(summary.settings)) keys.add(key)
  return [...keys].sort()
}

export function metricKeys(summaries: RunSummary[]): string[] {
  const keys = new Set<string>()
  for (const summary of summaries) for (const key of Object.keys(summary.model?.metrics ?? {})) keys.add(key)
  return [...keys].sort()
}
