import type { TrainingJobStatus, TrainingState } from '../../api/requests/training'
import type { TrainingCandidate } from '../../api/requests/training-auto'
import type { NetworkRole } from '../../../worker/training/network-role'
import type { EventSink } from '../training/job-events'
import type { TrainingService } from '../training/training-service'
import { combinedState } from './run-state'

/**
 * The pool jobs of one run (a run trains as many networks as its plan needs: ensemble
 * members, validation folds, Auto's candidates, the final fit), under the run's id. Pause,
 * resume, stop and cancel reach every job, present and to come; a `training.state` event with
 * the run's id follows their combined state and lists the jobs, so a screen can draw each curve.
 */
export class RunJobs {
  readonly jobIds: string[] = []
  private readonly roles = new Map<string, NetworkRole>()
  requested: 'stopped' | 'cancelled' | null = null
  paused = false
  /** Told of every job the run starts (the app writes it to the run's log). */
  onAdded: ((jobId: string, role: NetworkRole) => void) | null = null
  private lastState: TrainingState = 'queued'
  private ended = false

  constructor(
    readonly runId: string,
    private readonly training: TrainingService,
    private readonly events: EventSink,
  ) {}

  private issued = 0

  /**
   * Reserves the id of the run's next job: its position in the run (requests arrive in the
   * order the run makes them), so a resumed run finds each job's checkpoints again.
   */
  nextJobId(): string {
    return `${this.runId}-${++this.issued}`
  }

  added(jobId: string, role: NetworkRole): void {
    this.jobIds.push(jobId)
    this.roles.set(jobId, role)
    if (this.paused) this.training.pause(jobId)
    this.onAdded?.(jobId, role)
    this.publish(true)
  }

  owns(jobId: string): boolean {
    return this.roles.has(jobId)
  }

  pause(): void {
    this.paused = true
    for (const job of this.jobsIn(['running', 'queued'])) this.training.pause(job.jobId)
    this.publish()
  }

  resume(): void {
    this.paused = false
    for (const job of this.jobsIn(['paused'])) this.training.resume(job.jobId)
    this.publish()
  }

  /** Running jobs keep their best weights; jobs the run asks for later train no epoch. */
  stop(): void {
    if (this.requested !== 'cancelled') this.requested = 'stopped'
    for (const job of this.jobsIn(['queued', 'running', 'paused'])) this.training.stop(job.jobId)
    this.publish()
  }

  cancel(): void {
    this.requested = 'cancelled'
    for (const job of this.jobsIn(['queued', 'running', 'paused'])) this.training.cancel(job.jobId)
    this.publish()
  }

  /** The run has ended (saved, failed or cancelled): its state is final. */
  end(state: TrainingState, message?: string): void {
    this.ended = true
    this.lastState = state
    this.events.publish('training.state', { jobId: this.runId, state, ...(message ? { message } : {}) })
  }

  status(): TrainingJobStatus {
    const statuses = this.statuses()
    const failures = statuses.filter((status) => status.state === 'failed' && status.message)
    return {
      jobId: this.runId,
      state: this.state(statuses),
      ...(failures.length > 0 ? { message: failures.map((status) => status.message).join('; ') } : {}),
      epoch: statuses.reduce((sum, status) => sum + status.epoch, 0),
      epochs: statuses.reduce((sum, status) => sum + status.epochs, 0),
      // The networks learn different things (folds, candidates): their losses are not comparable.
      bestEpoch: null,
      bestLoss: null,
      workers: statuses.reduce((sum, status) => sum + (isActive(status.state) ? status.workers : 0), 0),
      backend: statuses.find((status) => status.backend !== null)?.backend ?? null,
      checkpointDir: null,
      candidates: this.candidates(statuses),
    }
  }

  /** A job of this run changed state: republish the run's state when it changed (or the job list did). */
  publish(jobsChanged = false): void {
    if (this.ended) return
    const statuses = this.statuses()
    const state = this.state(statuses)
    if (state === this.lastState && !jobsChanged) return
    this.lastState = state
    this.events.publish('training.state', {
      jobId: this.runId,
      state,
      candidates: this.candidates(statuses),
    })
  }

  private state(statuses: TrainingJobStatus[]): TrainingState {
    if (this.ended) return this.lastState
    if (statuses.length === 0) return this.paused ? 'paused' : 'running'
    const state = combinedState(
      statuses.map((status) => status.state),
      this.requested,
    )
    // Between two jobs the run is still training (the thread is judging or preparing the next).
    return state === 'completed' || state === 'stopped' ? (this.paused ? 'paused' : 'running') : state
  }

  private candidates(statuses: TrainingJobStatus[]): TrainingCandidate[] {
    return statuses.map((status) => ({
      jobId: status.jobId,
      role: this.roles.get(status.jobId) ?? { stage: 'train', member: 1, members: 1 },
      state: status.state,
      epoch: status.epoch,
      epochs: status.epochs,
    }))
  }

  private statuses(): TrainingJobStatus[] {
    const known = new Map(this.training.list().map((job) => [job.jobId, job]))
    return this.jobIds.flatMap((jobId) => {
      const status = known.get(jobId)
      return status ? [status] : []
    })
  }

  private jobsIn(states: TrainingState[]): TrainingJobStatus[] {
    return this.statuses().filter((status) => states.includes(status.state))
  }
}

function isActive(state: TrainingState): boolean {
  return state === 'running' || state === 'paused' || state === 'queued'
}
