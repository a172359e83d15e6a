import type { ModelDraft } from './draft'
import { splitIssues } from './split-validation'

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

const isInt = (value: number) => Number.isInteger(value)

function intRange(field: string, value: number, min: number, max: number): DraftIssue | null {
  if (!Number.isFinite(value) || !isInt(value)) return { field, key: 'integer' }
  if (value < min || value > max) return { field, key: 'range', values: { min, max } }
  return null
}

function halfOpen(field: string, value: number, min: number, maxExclusive: number): DraftIssue | null {
  if (!Number.isFinite(value) || value < min || value >= maxExclusive)
    return { field, key: 'halfOpen', values: { min, max: maxExclusive } }
  return null
}

function positive(field: string, value: number, max = Infinity): DraftIssue | null {
  if (!Number.isFinite(value) || value <= 0) return { field, key: 'positive' }
  if (value > max) return { field, key: 'atMost', values: { max } }
  return null
}

function scheduleIssues(draft: ModelDraft): Array<DraftIssue | null> {
  const s = draft.schedule
  if (s.kind === 'step')
    return [positive('schedule.stepSize', s.stepSize), positive('schedule.gamma', s.gamma)]
  if (s.kind === 'cosine') return [positive('schedule.T', s.T)]
  if (s.kind === 'plateau')
    return [
      intRange('schedule.patience', s.patience, 0, 100_000),
      s.factor > 0 && s.factor < 1 ? null : { field: 'schedule.factor', key: 'open01' },
    ]
  return []
}

/** Mirrors the zod limits of the training config, so the user learns of a problem before starting. */
export function validateDraft(draft: ModelDraft, seriesLength: number | null = null): DraftIssue[] {
  const issues: Array<DraftIssue | null> = []
  if (draft.layers.length < 1 || draft.layers.length > 8)
    issues.push({ field: 'layers', key: 'layerCount', values: { min: 1, max: 8 } })
  draft.layers.forEach((layer, i) => {
    issues.push(intRange(`layers.${i}.units`, layer.units, 1, 1024))
    issues.push(halfOpen(`layers.${i}.dropout`, layer.dropout, 0, 1))
  })
  issues.push(intRange('lookback', draft.lookback, 1, 10_000))
  issues.push(intRange('horizon', draft.horizon, 1, 1_000))
  issues.push(intRange('stride', draft.stride, 1, 10_000))
  issues.push(intRange('batchSize', draft.batchSize, 1, 4096))
  issues.push(intRange('epochs', draft.epochs, 1, 100_000))
  issues.push(positive('optimizer.lr', draft.optimizer.lr, 10))
  if (!(draft.optimizer.weightDecay >= 0)) issues.push({ field: 'optimizer.weightDecay', key: 'nonNegative' })
  issues.push(halfOpen('optimizer.momentum', draft.optimizer.momentum, 0, 1))
  issues.push(intRange('patience', draft.patience, 0, 100_000))
  issues.push(intRange('seed', draft.seed, 0, 0xffffffff))
  issues.push(intRange('workers', draft.workers, 1, 256))
  if (draft.clipNorm !== null) issues.push(positive('clipNorm', draft.clipNorm))
  issues.push(...splitIssues(draft, seriesLength))
  issues.push(...scheduleIssues(draft))
  if (seriesLength !== null && draft.lookback + draft.horizon > seriesLength)
    issues.push({ field: 'lookback', key: 'windowTooLong', values: { length: seriesLength } })
  return issues.filter((issue): issue is DraftIssue => issue !== null)
}
