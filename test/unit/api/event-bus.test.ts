import { describe, expect, it } from 'vitest'
import type { EventName, EventPayload } from '../../../electron/api/contract'
import { EventBus } from '../../../electron/services/event-bus'

type Received = Array<{ name: EventName; payload: unknown }>

function recorder(): {
  received: Received
  listener: <E extends EventName>(n: E, p: EventPayload<E>) => void
} {
  const received: Received = []
  return { received, listener: (name, payload) => void received.push({ name, payload }) }
}

const progress = (rows: number) => ({ importId: 'i', fraction: rows / 10, rows })

describe('the event bus', () => {
  it('keeps a listener that threw once: its window still gets every later event', () => {
    const failures: Array<{ error: unknown; name: EventName }> = []
    const bus = new EventBus({ onListenerError: (error, name) => failures.push({ error, name }) })
    const flaky = recorder()
    let throwNext = true
    bus.subscribe((name, payload) => {
      if (throwNext) {
        throwNext = false
        throw new Error('could not be cloned')
      }
      flaky.listener(name, payload)
    })
    const steady = recorder()
    bus.subscribe(steady.listener)

    bus.publish('data.importProgress', progress(1))
    bus.publish('data.importProgress', progress(2))

    expect(bus.listenerCount).toBe(2)
    expect(flaky.received).toContainEqual({ name: 'data.importProgress', payload: progress(2) })
    expect(failures).toHaveLength(1)
    expect(failures[0].name).toBe('data.importProgress')
    expect(String(failures[0].error)).toContain('could not be cloned')
    // The other viewers are told, in words, that an event did not reach a window.
    expect(steady.received).toContainEqual({
      name: 'app.notice',
      payload: {
        level: 'error',
        message: expect.stringMatching(/data\.importProgress.*could not be cloned/),
      },
    })
  })

  it('reports a listener that always throws once per failure streak, without looping on its own notice', () => {
    const failures: EventName[] = []
    const bus = new EventBus({ onListenerError: (_error, name) => failures.push(name) })
    let fail = true
    bus.subscribe((name) => {
      // Fails on progress events only: the notice about it gets through, which must not end the streak.
      if (fail && name === 'data.importProgress') throw new Error('broken window')
    })
    const steady = recorder()
    bus.subscribe(steady.listener)

    for (let rows = 0; rows < 5; rows++) bus.publish('data.importProgress', progress(rows))
    expect(failures).toEqual(['data.importProgress'])
    expect(steady.received.filter((event) => event.name === 'app.notice')).toHaveLength(1)
    expect(steady.received.filter((event) => event.name === 'data.importProgress')).toHaveLength(5)

    // Once it delivers again, a new failure is a new streak and is reported again.
    fail = false
    bus.publish('data.importProgress', progress(6))
    fail = true
    bus.publish('data.importProgress', progress(7))
    expect(failures).toEqual(['data.importProgress', 'data.importProgress'])
    expect(bus.listenerCount).toBe(2)
  })

  it('does not loop when a listener also throws on the notice about itself', () => {
    const failures: EventName[] = []
    const bus = new EventBus({ onListenerError: (_error, name) => failures.push(name) })
    bus.subscribe(() => {
      throw new Error('throws on everything')
    })
    bus.publish('app.notice', { level: 'info', message: 'first' })
    bus.publish('data.importProgress', progress(1))
    bus.publish('data.importProgress', progress(2))
    expect(failures).toEqual(['app.notice', 'data.importProgress'])
    expect(bus.listenerCount).toBe(1)
  })

  it('still lets a listener unsubscribe itself', () => {
    const bus = new EventBus({ onListenerError: () => undefined })
    const seen = recorder()
    const off = bus.subscribe(seen.listener)
    bus.publish('app.notice', { level: 'info', message: 'one' })
    off()
    bus.publish('app.notice', { level: 'info', message: 'two' })
    expect(seen.received).toHaveLength(1)
    expect(bus.listenerCount).toBe(0)
  })
})
