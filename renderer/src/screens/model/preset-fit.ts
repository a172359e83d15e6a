import { LIMITS } from '../../../../electron/api/requests/common'
import type { ModelDraft } from './draft'
import { validateDraft, type DraftIssue } from './validation'

/**
 * Whether a preset's draft can train on the chosen series, known before it is applied:
 * `short` when the series has fewer points than its window and split need (`needed`), `kept`
 * when the preset keeps a setting of the form that is already wrong (the issue to fix first).
 */
export type PresetFit =
  | { fits: true }
  | { fits: false; reason: 'short'; needed: number; rows: number }
  | { fits: false; reason: 'kept'; issue: DraftIssue }

const fitsRows = (draft: ModelDraft, rows: number) => validateDraft(draft, rows).length === 0

/**
 * The fewest points on which the draft has no issue. Searched, not derived, so it is exactly what
 * validation (and so `training.start`) asks, rounding of percentage parts included; the search
 * steps up after the bisection in case that rounding makes a length just above fail.
 */
export function pointsNeeded(draft: ModelDraft, from: number): number | null {
  if (!fitsRows(draft, LIMITS.rows)) return null
  let low = from
  let high: number = LIMITS.rows
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (fitsRows(draft, middle)) high = middle
    else low = middle + 1
  }
  while (low < LIMITS.rows && !fitsRows(draft, low)) low++
  return low
}

/** `rows` null: the series is not loaded yet, so nothing can be said against the preset. */
export function presetFit(preset: ModelDraft, rows: number | null): PresetFit {
  const anyLength = validateDraft(preset, null)
  if (anyLength[0]) return { fits: false, reason: 'kept', issue: anyLength[0] }
  if (rows === null) return { fits: true }
  const issues = validateDraft(preset, rows)
  if (issues.length === 0) return { fits: true }
  const needed = pointsNeeded(preset, rows + 1)
  if (needed === null) return { fits: false, reason: 'kept', issue: issues[0]! }
  return { fits: false, reason: 'short', needed, rows }
}
