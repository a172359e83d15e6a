import type { RunRecord } from '../../../../electron/api/records'
import type { TrainingState } from '../../../../electron/api/requests/training'

/** The words the runs list has for a run's status (`train.runStatus.*`). */
export type RunStatusKey = RunRecord['status'] | 'paused' | 'interrupted'

const liveKeys: Partial<Record<TrainingState, RunStatusKey>> = {
  queued: 'queued',
  running: 'running',
  paused: 'paused',
  cancelled: 'cancelled',
  failed: 'failed',
}

/**
 * What the runs list says of a run. The project's record is written when the run's thread ends,
 * a moment after the screen already knows (a cancelled run would still read "running"); for the
 * run the screen follows, its live state wins until the record is final.
 */
export function runStatusKey(
  run: RunRecord,
  live: { jobId: string | null; state: TrainingState | null },
  interrupted: boolean,
): RunStatusKey {
  if (interrupted) return 'interrupted'
  const recordFinal = run.status !== 'queued' && run.status !== 'running'
  if (run.id !== live.jobId || !live.state || recordFinal) return run.status
  return liveKeys[live.state] ?? run.status
}
