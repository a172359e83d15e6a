import { calendarNames } from './calendar'
import { extraTargetNames } from './targets'
import type { PipelineState } from './types'

/**
 * The network's input channels in order (the last axis of every input), as model.json and the
 * exporters' preprocessing description list them: one place so the two can never disagree.
 */
export function inputFeatureNames(
  state: Pick<PipelineState, 'config' | 'pastNames' | 'futureNames' | 'extraTargets'>,
): string[] {
  const targets = ['target', ...extraTargetNames(state).map((name) => `target.${name}`)]
  return [
    ...targets,
    ...(state.config.targetMode === 'seasonalResidual'
      ? targets.map((target) => `${target}.seasonalDifference`)
      : []),
    ...state.pastNames.map((name) => `past.${name}`),
    ...state.futureNames.map((name) => `future.${name}`),
    ...calendarNames(state.config).map((name) => `calendar.${name}`),
  ]
}
