import type {
  EpochSummary,
  TrainingEpochEvent,
  TrainingProgressEvent,
  TrainingState,
  TrainingStateEvent,
} from '../../api/requests/training'
import type { EventBus } from '../event-bus'
import { EventThrottle, type Clock, EVENT_INTERVAL_MS } from './event-throttle'

export type EventSink = Pick<EventBus, 'publish'>

/**
 * One job's event stream: publishes in call order through the throttle and keeps what a late
 * subscriber needs (every state change and epoch summary, the latest progress).
 *
 * Progress is sampled: only the latest matters. Epoch summaries are never dropped: one that
 * the limit holds back waits and rides along (`earlier`) with the next epoch event, which goes
 * out at the next admitted slot instead of a progress event. A state change first flushes what
 * is held back, so a job's final state always follows its complete history.
 */
export class JobEvents {
  readonly states: TrainingStateEvent[] = []
  readonly epochs: TrainingEpochEvent[] = []
  lastProgress: TrainingProgressEvent | null = null
  private readonly throttle: EventThrottle
  private heldEpochs: EpochSummary[] = []

  constructor(
    private readonly jobId: string,
    private readonly sink: EventSink,
    clock: Clock,
  ) {
    this.throttle = new EventThrottle(EVENT_INTERVAL_MS, clock)
  }

  state(state: TrainingState, message?: string): void {
    this.publishHeldEpochs()
    const event: TrainingStateEvent =
      message === undefined ? { jobId: this.jobId, state } : { jobId: this.jobId, state, message }
    this.states.push(event)
    this.throttle.recordForced()
    this.sink.publish('training.state', event)
  }

  epoch(event: EpochSummary): void {
    this.epochs.push({ jobId: this.jobId, ...event })
    this.heldEpochs.push(event)
    if (this.throttle.admit()) this.publishHeldEpochs()
  }

  /** Epochs restored from a checkpoint: part of the history, but not news to publish again. */
  restoreEpochs(events: EpochSummary[]): void {
    for (const event of events) this.epochs.push({ jobId: this.jobId, ...event })
  }

  /** Progress is always remembered; an admitted slot goes to held-back epochs first. */
  progress(event: Omit<TrainingProgressEvent, 'jobId'>): void {
    const full = { jobId: this.jobId, ...event }
    this.lastProgress = full
    if (!this.throttle.admit()) return
    if (this.heldEpochs.length > 0) this.publishHeldEpochs()
    else this.sink.publish('training.progress', full)
  }

  private publishHeldEpochs(): void {
    const latest = this.heldEpochs.at(-1)
    if (!latest) return
    const earlier = this.heldEpochs.slice(0, -1)
    this.heldEpochs = []
    const event: TrainingEpochEvent = { jobId: this.jobId, ...latest }
    this.sink.publish('training.epoch', earlier.length > 0 ? { ...event, earlier } : event)
  }
}
