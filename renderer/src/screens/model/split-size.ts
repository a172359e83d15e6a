import type { ForecastingSettings } from './settings-schema'

/** A part of the chronological split as the Model screen edits it: a number and its unit. */
export interface SplitDraft {
  value: number
  unit: 'percent' | 'count'
}

/** The contract's form of a split size (`{ percent }` or `{ count }`). */
export type SplitSizeInput = ForecastingSettings['validation']

export function toSplitSize(size: SplitDraft): SplitSizeInput {
  return size.unit === 'percent' ? { percent: size.value } : { count: size.value }
}

export function fromSplitSize(size: SplitSizeInput): SplitDraft {
  return 'count' in size ? { value: size.count, unit: 'count' } : { value: size.percent, unit: 'percent' }
}

/** Rows of a part, rounded the way the pipeline rounds (worker/statistics/split.ts). */
export function rowsOf(size: SplitDraft, rows: number): number {
  return size.unit === 'count' ? size.value : Math.round((size.value / 100) * rows)
}

/** Rows left for training once the validation and test parts are taken from the end. */
export function trainingRows(split: { validation: SplitDraft; test: SplitDraft }, rows: number): number {
  return rows - rowsOf(split.validation, rows) - rowsOf(split.test, rows)
}

/**
 * The same part in the other unit. With the series' length known the size is converted (20 % of
 * 144 rows becomes 29 points, and back to 20.1 %); without it the number is kept for the analyst to fix.
 */
export function withUnit(size: SplitDraft, unit: SplitDraft['unit'], rows: number | null): SplitDraft {
  if (unit === size.unit || rows === null || rows <= 0 || !Number.isFinite(size.value))
    return { value: size.value, unit }
  if (unit === 'count') return { value: Math.round((size.value / 100) * rows), unit }
  return { value: Math.round((size.value / rows) * 1000) / 10, unit }
}

/** Steps one window predicts: the horizon (direct), or one step rolled out (recursive). */
export function windowOutputs(draft: { strategy: 'direct' | 'recursive'; horizon: number }): number {
  return draft.strategy === 'recursive' ? 1 : draft.horizon
}
