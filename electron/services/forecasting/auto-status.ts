import type { TrainingJobStatus, TrainingState } from '../../api/requests/training'
import type { CandidateMode, TrainingCandidate } from '../../api/requests/training-auto'

const finishedStates: TrainingState[] = ['stopped', 'completed', 'cancelled', 'failed', 'interrupted']

export function isFinished(state: TrainingState): boolean {
  return finishedStates.includes(state)
}

/**
 * One state for an Auto run's candidate jobs. While any candidate trains the run is running
 * (a candidate waiting for the pool behind the other one is part of the same run); once all
 * have ended, the run kept weights if any candidate did, unless the user cancelled it.
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

/** The Auto run as one job for `training.status`/`list`: epochs add up over its candidates. */
export function autoRunStatus(
  runId: string,
  candidates: Array<{ mode: CandidateMode; status: TrainingJobStatus }>,
  requested: 'stopped' | 'cancelled' | null,
): TrainingJobStatus {
  const statuses = candidates.map((candidate) => candidate.status)
  const failures = statuses.filter((status) => status.state === 'failed' && status.message)
  return {
    jobId: runId,
    state: combinedState(
      statuses.map((status) => status.state),
      requested,
    ),
    ...(failures.length > 0 ? { message: failures.map((status) => status.message).join('; ') } : {}),
    epoch: statuses.reduce((sum, status) => sum + status.epoch, 0),
    epochs: statuses.reduce((sum, status) => sum + status.epochs, 0),
    // The candidates learn different targets: their losses are not comparable, so no single best.
    bestEpoch: null,
    bestLoss: null,
    workers: statuses.reduce((sum, status) => sum + status.workers, 0),
    backend: statuses.find((status) => status.backend !== null)?.backend ?? null,
    checkpointDir: null,
    candidates: candidates.map(({ mode, status }): TrainingCandidate => ({
      jobId: status.jobId,
      targetMode: mode,
      state: status.state,
      epoch: status.epoch,
      epochs: status.epochs,
    })),
  }
}
