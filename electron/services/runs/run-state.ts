import type { TrainingState } from '../../api/requests/training'

const finishedStates: TrainingState[] = ['stopped', 'completed', 'cancelled', 'failed', 'interrupted']

export function isFinished(state: TrainingState): boolean {
  return finishedStates.includes(state)
}

/**
 * One state for a run's jobs. While any job trains the run is running (a job waiting for the
 * pool behind another is part of the same run); once all have ended, the run kept weights if
 * any job did, unless the user cancelled it.
 */
export function combinedState(
  states: TrainingState[],
  requested: 'stopped' | 'cancelled' | null,
): TrainingState {
  const active = states.filter((state) => !isFinished(state))
  if (active.length > 0) {
    if (active.includes('running')) return 'running'
    if (active.includes('paused')) return 'paused'
    return active.length < states.length ? 'running' : 'queued'
  }
  if (requested === 'cancelled') return 'cancelled'
  if (states.includes('interrupted')) return 'interrupted'
  const kept = states.filter((state) => state === 'completed' || state === 'stopped')
  if (kept.length === 0) return states.includes('cancelled') ? 'cancelled' : 'failed'
  return requested === 'stopped' || kept.includes('stopped') ? 'stopped' : 'completed'
}
