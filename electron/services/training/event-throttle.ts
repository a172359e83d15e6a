/** Milliseconds since some fixed origin; injected so the throttle is testable without timers. */
export type Clock = () => number

/**
 * Rate limit of one job's event stream. Progress events pass only when the previous event of
 * the job is at least `intervalMs` old; epoch summaries and state changes always pass (and
 * count as the latest event), so they are never dropped and progress stays ≤ 1000/intervalMs.
 */
export class EventThrottle {
  private lastEmit = Number.NEGATIVE_INFINITY

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  /** Whether a progress event may go out now (and records it if so). */
  admitProgress(): boolean {
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
