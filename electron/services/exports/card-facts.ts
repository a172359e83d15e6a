import type { Frequency } from '../../../worker/timeseries/frequency'
import { timestampLabeller } from './timestamp-label'
import type { ModelManifest } from '../../../worker/model-format/index'

/**
 * Defensive readers for metrics.json and training.json: both are free-form JSON written by
 * whichever version trained the model, so a card shows what it recognises and skips the rest.
 */

function field(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

export function text(value: unknown, ...path: string[]): string | undefined {
  const found = field(value, ...path)
  return typeof found === 'string' && found.length > 0 ? found : undefined
}

export function num(value: unknown, ...path: string[]): number | undefined {
  const found = field(value, ...path)
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined
}

export interface MetricRow {
  name: string
  mae?: number
  rmse?: number
  mase?: number
  smape?: number
}

function row(name: string, metrics: unknown): MetricRow {
  return {
    name,
    mae: num(metrics, 'mae'),
    rmse: num(metrics, 'rmse'),
    mase: num(metrics, 'mase'),
    smape: num(metrics, 'smape'),
  }
}

/** The model's test scores first, then every baseline that could be scored. */
function testScores(metrics: unknown): MetricRow[] {
  const test = field(metrics, 'test')
  if (test === null || typeof test !== 'object') return []
  const rows = [row('this model', test)]
  const baselines = field(metrics, 'baselines')
  if (baselines !== null && typeof baselines === 'object')
    for (const [name, scores] of Object.entries(baselines as Record<string, unknown>))
      if (num(scores, 'mae') !== undefined) rows.push(row(name, scores))
  return rows
}

/**
 * Each target's test scores. metrics.json lists the targets in `targets`; before 0.2 it held one
 * target's scores at the top level, unnamed.
 */
export function targetScores(metrics: unknown): Array<{ name?: string; rows: MetricRow[] }> {
  const listed = field(metrics, 'targets')
  const parts: unknown[] = Array.isArray(listed) ? listed : [metrics]
  return parts
    .map((part) => ({ name: text(part, 'name'), rows: testScores(part) }))
    .filter((target) => target.rows.length > 0)
}

const CELL_NAMES = { lstm: 'LSTM', gru: 'GRU', rnn: 'tanh RNN' } as const

export function layersText(manifest: ModelManifest): string {
  return manifest.engine.spec.layers.map((layer) => `${CELL_NAMES[layer.cell]} ${layer.units}`).join(' → ')
}

export function frequencyText(manifest: ModelManifest): string {
  const frequency = manifest.frequency
  if (!frequency) return 'none (plain index)'
  return frequency.step === 1 ? frequency.unit : `${frequency.step} × ${frequency.unit}`
}

/** A date of the series as the forecast CSV writes it: at the model's frequency (`1960-12` monthly). */
export function dateText(epochMs: number | null, frequency: Frequency | null): string {
  if (epochMs === null) return 'not recorded'
  return timestampLabeller([epochMs], frequency, null)(epochMs)
}

export function formatNumber(value: number | undefined): string {
  if (value === undefined) return '–'
  return Math.abs(value) >= 1000 || Math.abs(value) < 0.01 ? value.toPrecision(4) : value.toFixed(3)
}
