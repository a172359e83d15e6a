import type { ModelDraft } from './draft'
import { numberIssue } from './schema-bounds'
import { NUMBER_FIELDS, splitSizeField } from './settings-schema'
import { trainingRows, windowOutputs, type SplitDraft } from './split-size'
import type { DraftIssue } from './validation'

function sizeIssue(part: 'validation' | 'test', size: SplitDraft): DraftIssue | null {
  return numberIssue(`${part}.value`, splitSizeField(part, size.unit), size.value)
}

/** With the rows known, the parts must leave one complete training window; without, a share cap. */
function wholeSplitIssue(draft: ModelDraft, rows: number | null): DraftIssue | null {
  if (rows === null) {
    const percent = (size: SplitDraft) => (size.unit === 'percent' ? size.value : 0)
    return percent(draft.validation) + percent(draft.test) >= 90
      ? { field: 'test.value', key: 'splitTooLarge' }
      : null
  }
  const train = trainingRows(draft, rows)
  const needed = draft.lookback + windowOutputs(draft)
  // A window longer than the whole series is reported once, as windowTooLong.
  return train < needed && needed <= rows
    ? { field: 'test.value', key: 'splitLeavesNoWindow', values: { train: Math.max(0, train), needed } }
    : null
}

/** K origins a horizon apart ending at the data's end need K + 1 horizons (worker/statistics/backtest.ts). */
function backtestIssue(draft: ModelDraft, rows: number | null): DraftIssue | null {
  const { origins } = draft.backtest
  const field = 'backtest.origins'
  const issue = numberIssue(field, NUMBER_FIELDS.origins, origins)
  if (issue) return issue
  if (rows === null || origins === 0 || !(draft.horizon >= 1)) return null
  const firstOrigin = rows - draft.horizon * origins
  return firstOrigin < 2
    ? { field, key: 'backtestTooLong', values: { origins, horizon: draft.horizon, length: rows } }
    : null
}

/** Problems with the validation and test sizes and the backtest, given the series' rows when known. */
export function splitIssues(draft: ModelDraft, rows: number | null): DraftIssue[] {
  const sizes = [sizeIssue('validation', draft.validation), sizeIssue('test', draft.test)]
  const whole = sizes.every((issue) => issue === null) ? wholeSplitIssue(draft, rows) : null
  return [...sizes, whole, backtestIssue(draft, rows)].filter((issue): issue is DraftIssue => issue !== null)
}
