import type { TrainingHistory, TrainingJobStatus } from '../../api/requests/training'
import type { EventBus } from '../event-bus'
import { appendRunLog, type ProjectSession } from '../projects'
import { CodedError } from '../storage'
import type { RunJobs } from './run-jobs'

/** What every app run has, single-series or panel: its pool jobs under the run's id, its project, its end. */
export interface RegisteredRun {
  jobs: RunJobs
  session: ProjectSession
  /** Settles once the run has been saved, or has failed or been cancelled. */
  done: Promise<void>
}

/**
 * The app's runs of one kind by id, and the job control `training.*` reaches them by. A run's
 * state is that of its jobs: each job's state event republishes the run's, so the Train screen
 * follows one run whatever trains inside it. Single-series runs (app-runs.ts) and panel runs
 * (panel-runs.ts) differ only in how they start and what they save.
 */
export class RunRegistry<R extends RegisteredRun> {
  protected readonly runs = new Map<string, R>()

  constructor(bus: EventBus) {
    bus.subscribe((name, payload) => {
      if (name !== 'training.state') return
      const { jobId } = payload as { jobId: string }
      for (const run of this.runs.values()) if (run.jobs.owns(jobId)) run.jobs.publish()
    })
  }

  has(runId: string): boolean {
    return this.runs.has(runId)
  }

  /** Job ids that belong to runs (`training.list` shows the runs instead). */
  ownedJobIds(): string[] {
    return [...this.runs.values()].flatMap((run) => run.jobs.jobIds)
  }

  pause(runId: string): TrainingJobStatus {
    this.run(runId).jobs.pause()
    return this.status(runId)
  }

  resume(runId: string): TrainingJobStatus {
    this.run(runId).jobs.resume()
    return this.status(runId)
  }

  stop(runId: string): TrainingJobStatus {
    this.run(runId).jobs.stop()
    return this.status(runId)
  }

  cancel(runId: string): TrainingJobStatus {
    this.run(runId).jobs.cancel()
    return this.status(runId)
  }

  status(runId: string): TrainingJobStatus {
    return this.run(runId).jobs.status()
  }

  /** A run's history is its networks' (`training.history` of each job); the run itself keeps none. */
  history(runId: string): TrainingHistory {
    return { status: this.status(runId), states: [], epochs: [], lastProgress: null }
  }

  list(): TrainingJobStatus[] {
    return [...this.runs.values()].map((run) => run.jobs.status())
  }

  /** Resolves once the run has been saved, or has failed or been cancelled. */
  async finished(runId: string): Promise<TrainingJobStatus> {
    const run = this.run(runId)
    await run.done
    return run.jobs.status()
  }

  /** Waits for every run to settle (the app is closing and their jobs were interrupted). */
  protected async settle(): Promise<void> {
    await Promise.all([...this.runs.values()].map((run) => run.done))
  }

  protected run(runId: string): R {
    const run = this.runs.get(runId)
    if (!run) throw new CodedError('NOT_FOUND', `No training run ${runId}`)
    return run
  }

  /** runs/<id>/log.txt: what happened to the run, one timestamped line per event (best effort). */
  protected log(run: R, message: string): void {
    void appendRunLog(run.session, run.jobs.runId, message).catch(() => undefined)
  }
}
