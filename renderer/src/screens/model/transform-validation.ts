import type { ModelDraft } from './draft'
import type { DraftIssue } from './validation'

/** What the Model screen knows of the chosen series, for the checks the pipeline would make. */
export interface SeriesFacts {
  /** Values of every target column the network forecasts (perhaps thinned for drawing). */
  targets: ReadonlyArray<ReadonlyArray<number | null>>
  /** The seasonal period the pipeline will use (1: none); null before a dataset is chosen. */
  period: number | null
}

function smallest(columns: SeriesFacts['targets']): number {
  let min = Infinity
  for (const values of columns) for (const value of values) if (value !== null && value < min) min = value
  return min
}

/**
 * The transforms the pipeline refuses on this series (worker/statistics/scaler.ts, target-transform.ts).
 * A drawn series may be thinned, so a value seen here is surely in the data but one not seen may
 * still be: these checks never refuse wrongly, and the services' own error covers the rest.
 */
export function transformIssues(draft: ModelDraft, facts: SeriesFacts): DraftIssue[] {
  const issues: DraftIssue[] = []
  const min = smallest(facts.targets)
  if (draft.log === 'log' && min <= 0) issues.push({ field: 'log', key: 'logNonPositive', values: { min } })
  if (draft.log === 'log1p' && min <= -1) issues.push({ field: 'log', key: 'log1pTooLow', values: { min } })
  if (draft.difference === 'seasonal' && facts.period !== null && facts.period < 2)
    issues.push({ field: 'difference', key: 'seasonalNoPeriod' })
  return issues
}
