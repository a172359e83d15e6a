import type { TrainingEpochEvent } from './training'

/**
 * Every epoch a `training.epoch` event reports, oldest first: the ones the rate limit held
 * back, then its own. Type-only imports keep this usable from the renderer without zod.
 */
export function epochsOf(event: TrainingEpochEvent): TrainingEpochEvent[] {
  const { earlier = [], ...latest } = event
  return [...earlier.map((epoch) => ({ jobId: event.jobId, ...epoch })), latest]
}
