import type {
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
 */
export class JobEvents {
  readonly states: TrainingStateEvent[] = []
  readonly epochs: TrainingEpochEvent[] = []
  lastProgress: TrainingProgressEvent | null = null
  private readonly throttle: EventThrottle

  constructor(
    private readonly jobId: string,
    private readonly sink: EventSink,
    clock: Clock,
  ) {
    this.throttle = new EventThrottle(EVENT_INTERVAL_MS, clock)
  }

  state(state: TrainingState, message?: string): void {
    const event: TrainingStateEvent =
      message === undefined ? { jobId: this.jobId, state } : { jobId: this.jobId, state, message }
    this.states.push(event)
    this.throttle.recordForced()
    this.sink.publish('training.state', event)
  }

  epoch(event: Omit<TrainingEpochEvent, 'jobId'>): void {
    const full = { jobId: this.jobId, ...event }
    this.epochs.push(full)
    this.throttle.recordForced()
    this.sink.publish('training.epoch', full)
  }

  /** Epochs restored from a checkpoint: part of the history, but not news to publish again. */
  restoreEpochs(events: Array<Omit<TrainingEpochEvent, 'jobId'>>): void {
    for (const event of events) this.epochs.push({ jobId: this.jobId, ...event })
  }

  /** Progress is always remembered, and published only when the throttle admits it. */
  progress(event: Omit<TrainingProgressEvent, 'jobId'>): void {
    const full = { jobId: this.jobId, ...event }
    this.lastProgress = full
    if (this.throttle.admitProgress()) this.sink.publish('training.progress', full)
  }
}
