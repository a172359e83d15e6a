import { newLayer, toForecastingSettings, toTrainingConfig, type ModelDraft } from './draft'
import type { PresetName } from './presets'

/**
 * The Model screen's draft is kept per project and dataset in the window's localStorage, not in
 * the project: it is an edit in progress (often invalid for a moment, changed at every
 * keystroke), so writing it into project.json would rewrite the manifest constantly and fail in
 * read-only projects. The cost, accepted: a draft does not travel with a copied project, and in
 * browser mode it belongs to the server's address (a server on another port starts afresh).
 */
const PREFIX = 'lstm-studio.model-draft.v1'

/** What was last applied to the draft: a preset, or the settings of a past run. */
export type DraftOrigin = PresetName | 'default' | 'run'

export interface AppliedSettings {
  origin: DraftOrigin
  /** The draft's settings just after they were applied (see draftSignature). */
  signature: string
}

export interface SavedDraft {
  draft: ModelDraft
  applied: AppliedSettings | null
  /** Auto's reason to forecast this series with ETS, when its plan said so. */
  autoStatistical: string | null
}

export function draftKey(projectId: string, datasetId: string): string {
  return `${PREFIX}:${projectId}:${datasetId}`
}

/**
 * The settings a preset decides, to tell whether the user changed any since: the thread count
 * is the machine's (no preset sets it) and layer keys only order the list.
 */
export function draftSignature(draft: ModelDraft): string {
  const { workers: _workers, ...config } = toTrainingConfig(draft)
  return JSON.stringify([config, toForecastingSettings(draft)])
}

/** A value shaped like `base` (same kinds, recursively), else `base`: a stale or damaged entry never breaks the screen. */
function like<T>(base: T, value: unknown): T {
  if (Array.isArray(base)) return (Array.isArray(value) ? value : base) as T
  if (base !== null && typeof base === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return base
    const merged: Record<string, unknown> = {}
    const source = value as Record<string, unknown>
    // Settings whose variant carries its own fields (the schedule) keep the saved variant whole.
    for (const key of new Set([...Object.keys(base), ...Object.keys(source)]))
      merged[key] = key in base ? like((base as Record<string, unknown>)[key], source[key]) : source[key]
    return merged as T
  }
  if (base === null) return (typeof value === 'number' ? value : null) as T
  // JSON writes an unfinished number (NaN) as null: it comes back unfinished, for validation to name.
  if (typeof base === 'number' && value === null) return Number.NaN as T
  return (typeof value === typeof base ? value : base) as T
}

function restoredDraft(base: ModelDraft, saved: unknown): ModelDraft {
  const draft = like(base, saved)
  const layers = draft.layers.filter(
    (layer): layer is ModelDraft['layers'][number] => layer !== null && typeof layer === 'object',
  )
  const clipping = (saved as { clipNorm?: unknown } | null)?.clipNorm
  // Keys are unique within this window's session only: every restored layer gets a fresh one.
  return {
    ...draft,
    layers: layers.map((layer) => newLayer(layer.cell, Number(layer.units), Number(layer.dropout ?? 0))),
    calendar: draft.calendar.filter((feature) => typeof feature === 'string'),
    // null is a choice here (no clipping), not an unfinished number.
    clipNorm: clipping === null ? null : draft.clipNorm,
  }
}

export function loadDraft(storage: Storage, key: string, base: ModelDraft): SavedDraft | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(storage.getItem(key) ?? 'null')
  } catch {
    return null
  }
  if (parsed === null || typeof parsed !== 'object') return null
  const entry = parsed as Partial<Record<keyof SavedDraft, unknown>>
  const applied = entry.applied as AppliedSettings | null | undefined
  return {
    draft: restoredDraft(base, entry.draft),
    applied:
      applied && typeof applied.origin === 'string' && typeof applied.signature === 'string' ? applied : null,
    autoStatistical: typeof entry.autoStatistical === 'string' ? entry.autoStatistical : null,
  }
}

/** Best effort: a full or disabled storage only means the draft is not kept. */
export function saveDraft(storage: Storage, key: string, saved: SavedDraft): void {
  try {
    storage.setItem(key, JSON.stringify(saved))
  } catch {
    // Nothing to tell the user at every keystroke; the draft on screen is unaffected.
  }
}
