import { calendarFeatureNames, type CalendarFeature } from '../statistics/calendar-features'
import { targetNames } from './targets'
import { isResidualMode } from './target-mode'
import type { PipelineState, TargetMode } from './types'

/** What the network reads at every input step, by column name. */
export interface ChannelSources {
  targets: readonly string[]
  pastCovariates: readonly string[]
  futureCovariates: readonly string[]
  targetMode: TargetMode
  calendar?: readonly CalendarFeature[]
}

/**
 * The network's input channels in order (the last axis of every input): each target's level, then
 * in seasonal-residual mode each target's seasonal difference, the past and future covariates and
 * two channels per calendar feature. model.json, the exporters' description and the network's
 * input size all read this one list, so they can never disagree.
 */
export function channelNames(sources: ChannelSources): string[] {
  const targets = sources.targets.map((name) => `target.${name}`)
  return [
    ...targets,
    ...(isResidualMode(sources.targetMode) ? targets.map((target) => `${target}.seasonalDifference`) : []),
    ...sources.pastCovariates.map((name) => `past.${name}`),
    ...sources.futureCovariates.map((name) => `future.${name}`),
    ...calendarFeatureNames(sources.calendar ?? []).map((name) => `calendar.${name}`),
  ]
}

/** The input channels of a fitted model. */
export function inputFeatureNames(
  state: Pick<PipelineState, 'config' | 'pastNames' | 'futureNames' | 'targets'>,
): string[] {
  return channelNames({
    targets: targetNames(state),
    pastCovariates: state.pastNames,
    futureCovariates: state.futureNames,
    targetMode: state.config.targetMode,
    calendar: state.config.calendar,
  })
}
