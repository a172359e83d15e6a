/** Milliseconds since some fixed origin; injected so the throttle is testable without timers. */
export type Clock = () => number

/**
 * Rate limit of one job's progress and epoch events: one may go out only when the previous
 * one is at least `intervalMs` old. State changes are not limited, but count as the latest
 * event, so the stream as a whole stays near 1000/intervalMs.
 */
export class EventThrottle {
  private lastEmit = Number.NEGATIVE_INFINITY

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  /** Whether an event may go out now (and records it if so). */
  admit(): boolean {
    const now = this.clock()
    if (now - this.lastEmit < this.intervalMs) return false
    this.lastEmit = now
    return true
  }

  /** Records an event that bypasses the limit. */
  recordForced(): void {
    this.lastEmit = this.clock()
  }
}

/** At most 10 events per second per job. */
export const EVENT_INTERVAL_MS = 100
