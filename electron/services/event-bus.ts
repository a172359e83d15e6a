import type { EventName, EventPayload } from '../api/contract'

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void

/**
 * Services publish here; each adapter subscribes once per window or socket and forwards.
 * A listener that throws (a closed socket, a destroyed window) is removed rather than
 * allowed to break the publisher: training must never stop because a viewer went away.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  publish<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(name, payload)
      } catch {
        this.listeners.delete(listener)
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size
  }
}
