import type { ModelDraft } from './draft'
import { lengthBounds, numberIssue } from './schema-bounds'
import { LAYERS, NUMBER_FIELDS } from './settings-schema'
import { splitIssues } from './split-validation'
import { windowOutputs } from './split-size'

/** One problem with the draft: the field it concerns and an i18n key (model.errors.*) with its values. */
export interface DraftIssue {
  field: string
  key: string
  values?: Record<string, number>
}

/** The first problem reported for `field`, if any. */
export function issueOf(issues: readonly DraftIssue[], field: string): DraftIssue | null {
  return issues.find((issue) => issue.field === field) ?? null
}

const F = NUMBER_FIELDS

function scheduleIssues(draft: ModelDraft): Array<DraftIssue | null> {
  const s = draft.schedule
  if (s.kind === 'step')
    return [
      numberIssue('schedule.stepSize', F.stepSize, s.stepSize),
      numberIssue('schedule.gamma', F.gamma, s.gamma),
    ]
  if (s.kind === 'cosine') return [numberIssue('schedule.T', F.cosineT, s.T)]
  if (s.kind === 'plateau')
    return [
      numberIssue('schedule.patience', F.plateauPatience, s.patience),
      numberIssue('schedule.factor', F.factor, s.factor),
    ]
  return []
}

/** The limits of `training.start`'s schema, checked as the user types, before anything is sent. */
/**
 * `statistical`: Auto will forecast this series with ETS (too short for a network), so no
 * window has to fit the split.
 */
export function validateDraft(
  draft: ModelDraft,
  seriesLength: number | null = null,
  statistical = false,
): DraftIssue[] {
  const issues: Array<DraftIssue | null> = []
  const stack = lengthBounds(LAYERS)
  if (draft.layers.length < stack.min || draft.layers.length > stack.max)
    issues.push({ field: 'layers', key: 'layerCount', values: stack })
  draft.layers.forEach((layer, i) => {
    issues.push(numberIssue(`layers.${i}.units`, F.units, layer.units))
    issues.push(numberIssue(`layers.${i}.dropout`, F.dropout, layer.dropout))
  })
  issues.push(numberIssue('lookback', F.lookback, draft.lookback))
  issues.push(numberIssue('horizon', F.horizon, draft.horizon))
  issues.push(numberIssue('stride', F.stride, draft.stride))
  issues.push(numberIssue('batchSize', F.batchSize, draft.batchSize))
  issues.push(numberIssue('epochs', F.epochs, draft.epochs))
  issues.push(numberIssue('optimizer.lr', F.lr, draft.optimizer.lr))
  issues.push(numberIssue('optimizer.weightDecay', F.weightDecay, draft.optimizer.weightDecay))
  issues.push(numberIssue('optimizer.momentum', F.momentum, draft.optimizer.momentum))
  issues.push(numberIssue('patience', F.patience, draft.patience))
  issues.push(numberIssue('seed', F.seed, draft.seed))
  issues.push(numberIssue('workers', F.workers, draft.workers))
  if (draft.clipNorm !== null) issues.push(numberIssue('clipNorm', F.clipNorm, draft.clipNorm))
  issues.push(...splitIssues(draft, statistical ? null : seriesLength))
  issues.push(...scheduleIssues(draft))
  if (!statistical && seriesLength !== null && draft.lookback + windowOutputs(draft) > seriesLength)
    issues.push({ field: 'lookback', key: 'windowTooLong', values: { length: seriesLength } })
  return issues.filter((issue): issue is DraftIssue => issue !== null)
}
