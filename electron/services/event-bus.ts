import type { EventName, EventPayload } from '../api/contract'

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void

export interface EventBusOptions {
  /** Where a listener's failure is logged; stderr by default. */
  onListenerError?: (error: unknown, event: EventName) => void
}

function logListenerError(error: unknown, event: EventName): void {
  console.error(`LSTM Studio: the ${event} event could not be delivered to a window or socket:`, error)
}

/**
 * Services publish here; each adapter subscribes once per window or socket and forwards.
 * A listener that throws (a payload a window cannot take, a socket mid-close) stays
 * subscribed: one failed delivery must not cut that viewer off from every later event,
 * and training must never stop because a viewer failed. Adapters unsubscribe themselves
 * when their window or socket goes away.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>()
  /** Per listener, the events whose last delivery failed: reported once, not again until one succeeds. */
  private readonly failing = new WeakMap<EventListener, Set<EventName>>()
  private readonly onListenerError: (error: unknown, event: EventName) => void
  private reporting = false

  constructor(options: EventBusOptions = {}) {
    this.onListenerError = options.onListenerError ?? logListenerError
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  publish<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(name, payload)
        this.failing.get(listener)?.delete(name)
      } catch (error) {
        if (this.noteFailure(listener, name)) this.report(error, name)
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size
  }

  /** True when this failure starts a streak (the listener delivered this event fine last time). */
  private noteFailure(listener: EventListener, name: EventName): boolean {
    const events = this.failing.get(listener) ?? new Set<EventName>()
    this.failing.set(listener, events)
    if (events.has(name)) return false
    events.add(name)
    return true
  }

  /**
   * Logs the failure and tells every viewer in words. A failure while delivering that
   * notice is only logged, so a listener that throws on everything cannot loop.
   */
  private report(error: unknown, name: EventName): void {
    this.onListenerError(error, name)
    if (this.reporting) return
    this.reporting = true
    try {
      const reason = error instanceof Error ? error.message : String(error)
      this.publish('app.notice', {
        level: 'error',
        message: `A window or tab missed a ${name} event (${reason}); reload it if it looks out of date.`,
      })
    } finally {
      this.reporting = false
    }
  }
}
