import type { TrainingEpochEvent, TrainingProgressEvent, TrainingStateEvent } from './requests/training'

/**
 * Every event the main side pushes to the renderer, by name. Payloads are plain JSON.
 * Events are broadcast to every connected window or browser tab; a late subscriber asks
 * for the history it missed with a request (e.g. `training.history`).
 */
export interface EventMap {
  /** Something the user should know that did not come as the reply to their own request. */
  'app.notice': { level: 'info' | 'warning' | 'error'; message: string }
  /** A CSV import's progress, at most ten a second. */
  'data.importProgress': { importId: string; fraction: number; rows: number }
  /** A finished run was judged and saved as a model of the project. */
  'models.ready': { projectId: string; modelId: string; runId: string }
  /** Within-epoch progress of a training job; with epoch events, at most 10 per second per job. */
  'training.progress': TrainingProgressEvent
  /** Finished epochs, never dropped; fast ones held back by the rate limit arrive together (`earlier`). */
  'training.epoch': TrainingEpochEvent
  /** Every state change of a training job; never dropped. */
  'training.state': TrainingStateEvent
}
