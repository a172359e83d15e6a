import { afterAll, describe, expect, it } from 'vitest'
import {
  anticorrelatedWindows,
  createTestService,
  epochLosses,
  eventsOf,
  sineWindows,
  smallConfig,
  steppingClock,
} from './helpers'

describe('job control', () => {
  const { service, events } = createTestService({ poolSize: 2, clock: steppingClock() })
  afterAll(() => service.dispose())
  const windows = sineWindows(48, 12, 2, 16)

  it('pauses between steps and resumes on exactly the uninterrupted trajectory', async () => {
    service.start({ jobId: 'straight', config: smallConfig({ epochs: 3 }), windows })
    await service.finished('straight')

    const paused: string[] = []
    const { service: controlled, events: seen } = createTestService({
      poolSize: 2,
      clock: steppingClock(),
      events: {
        publish: (name, payload) => {
          seen.push({ name, payload })
          const event = payload as { epoch?: number; batch?: number; state?: string }
          if (name === 'training.progress' && event.epoch === 1 && event.batch === 0)
            controlled.pause('paused-run')
          if (name === 'training.state' && event.state === 'paused') {
            paused.push(controlled.status('paused-run').state)
            void Promise.resolve().then(() => controlled.resume('paused-run'))
          }
        },
      },
    })
    try {
      controlled.start({ jobId: 'paused-run', config: smallConfig({ epochs: 3 }), windows })
      const status = await controlled.finished('paused-run')
      expect(status.state).toBe('completed')
      expect(paused).toEqual(['paused'])
      const states = seen
        .filter((event) => event.name === 'training.state')
        .map((event) => (event.payload as { state: string }).state)
      expect(states).toEqual(['queued', 'running', 'paused', 'running', 'completed'])
      expect(epochLosses(seen)).toEqual(epochLosses(eventsOf(events, 'straight')))
      expect(Array.from(controlled.weights('paused-run') ?? [])).toEqual(
        Array.from(service.weights('straight') ?? []),
      )
    } finally {
      await controlled.dispose()
    }
  })

  it('stops a paused job without resuming it', async () => {
    const { service: pausing, events: seen } = createTestService({
      poolSize: 2,
      clock: steppingClock(),
      events: {
        publish: (name, payload) => {
          seen.push({ name, payload })
          const event = payload as { epoch?: number; batch?: number; state?: string }
          if (name === 'training.progress' && event.epoch === 0 && event.batch === 1)
            pausing.pause('pause-stop')
          if (name === 'training.state' && event.state === 'paused')
            void Promise.resolve().then(() => pausing.stop('pause-stop'))
        },
      },
    })
    try {
      pausing.start({ jobId: 'pause-stop', config: smallConfig({ epochs: 5 }), windows })
      const status = await pausing.finished('pause-stop')
      expect(status.state).toBe('stopped')
      expect(status.epoch).toBe(0)
      const states = seen
        .filter((event) => event.name === 'training.state')
        .map((event) => (event.payload as { state: string }).state)
      expect(states).toEqual(['queued', 'running', 'paused', 'stopped'])
      expect(seen.filter((event) => event.name === 'training.progress')).toHaveLength(2)
      expect(pausing.weights('pause-stop')?.length).toBeGreaterThan(0)
    } finally {
      await pausing.dispose()
    }
  })

  it('early stopping ends after `patience` epochs without improvement and restores the best weights', async () => {
    const data = anticorrelatedWindows(48, 12, 2)
    service.start({ jobId: 'early', config: smallConfig({ epochs: 30, patience: 2 }), windows: data })
    const status = await service.finished('early')
    expect(status.state).toBe('completed')
    expect(status.message).toMatch(/Early stopping/)
    const best = status.bestEpoch as number
    expect(status.epoch).toBe(best + 1 + 2)
    expect(status.epoch).toBeLessThan(30)

    service.start({
      jobId: 'until-best',
      config: smallConfig({ epochs: best + 1, patience: 2 }),
      windows: data,
    })
    await service.finished('until-best')
    expect(Array.from(service.weights('early') ?? [])).toEqual(
      Array.from(service.weights('until-best') ?? []),
    )
  })

  it('stop ends the job with the best weights so far', async () => {
    const data = anticorrelatedWindows(48, 12, 2)
    const stopAfter = 3
    const { service: stopping } = createTestService({
      poolSize: 2,
      events: {
        publish: (name, payload) => {
          if (name === 'training.epoch' && (payload as { epoch: number }).epoch === stopAfter)
            stopping.stop('stopped-run')
        },
      },
    })
    try {
      stopping.start({ jobId: 'stopped-run', config: smallConfig({ epochs: 20 }), windows: data })
      const status = await stopping.finished('stopped-run')
      expect(status.state).toBe('stopped')
      expect(status.epoch).toBe(stopAfter + 1)
      const best = status.bestEpoch as number
      expect(best).toBeLessThan(stopAfter)
      expect(status.message).toMatch(/restored the best weights/)
      service.start({ jobId: 'stop-reference', config: smallConfig({ epochs: best + 1 }), windows: data })
      await service.finished('stop-reference')
      expect(Array.from(stopping.weights('stopped-run') ?? [])).toEqual(
        Array.from(service.weights('stop-reference') ?? []),
      )
    } finally {
      await stopping.dispose()
    }
  })

  it('queues a job that does not fit next to the running one, and runs jobs that fit side by side', async () => {
    service.start({ jobId: 'wide-a', config: smallConfig({ epochs: 1, workers: 2 }), windows })
    service.start({ jobId: 'wide-b', config: smallConfig({ epochs: 1, workers: 2 }), windows })
    expect(service.status('wide-a').state).toBe('running')
    expect(service.status('wide-b').state).toBe('queued')
    await service.finished('wide-b')
    const order = events
      .filter((event) => event.name === 'training.state')
      .map((event) => event.payload as { jobId: string; state: string })
      .filter((event) => event.jobId.startsWith('wide-'))
      .map((event) => `${event.jobId}:${event.state}`)
    expect(order.indexOf('wide-a:completed')).toBeLessThan(order.indexOf('wide-b:running'))

    service.start({ jobId: 'narrow-a', config: smallConfig({ epochs: 1, workers: 1 }), windows })
    service.start({ jobId: 'narrow-b', config: smallConfig({ epochs: 1, workers: 1 }), windows })
    expect(
      service
        .list()
        .filter((job) => job.jobId.startsWith('narrow-'))
        .map((job) => job.state),
    ).toEqual(['running', 'running'])
    await Promise.all([service.finished('narrow-a'), service.finished('narrow-b')])
    expect(epochLosses(eventsOf(events, 'narrow-a'))).toEqual(epochLosses(eventsOf(events, 'narrow-b')))
  })

  it('cancels a queued job and a running one', async () => {
    service.start({ jobId: 'to-cancel', config: smallConfig({ epochs: 50, workers: 2 }), windows })
    service.start({ jobId: 'queued-cancel', config: smallConfig({ epochs: 1, workers: 2 }), windows })
    expect(service.cancel('queued-cancel').state).toBe('cancelled')
    service.cancel('to-cancel')
    const status = await service.finished('to-cancel')
    expect(status.state).toBe('cancelled')
    expect(status.epoch).toBeLessThan(50)
    expect(service.weights('to-cancel')).toBeNull()
  })
})
