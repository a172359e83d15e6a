import { parameterCounts, type ParameterCounts } from '../../../../electron/api/parameter-count'
import { CANDIDATE_MODES, type CandidateMode } from '../../../../electron/api/requests/training-auto'
import type { ModelDraft } from './draft'

/** The weights of each network the draft would train: one, or one per candidate of an Auto run. */
export interface NetworkSize {
  mode: CandidateMode
  counts: ParameterCounts
}

const AUTO_CANDIDATES: readonly CandidateMode[] = CANDIDATE_MODES

/** Counted from the services' own definition of the network (electron/api/parameter-count.ts). */
export function networkSizes(
  draft: ModelDraft,
  source: { targets: string[]; covariates: string[] },
): NetworkSize[] {
  const modes = draft.targetMode === 'auto' ? AUTO_CANDIDATES : [draft.targetMode]
  return modes.flatMap((mode) => {
    const counts = parameterCounts({
      source,
      config: draft,
      forecasting: { strategy: draft.strategy, calendar: draft.calendar, targetMode: mode },
    })
    return counts ? [{ mode, counts }] : []
  })
}
