import { afterAll, describe, expect, it } from 'vitest'
import { createTestService, sineWindows, smallConfig } from './helpers'

describe('training events', () => {
  const { service, events } = createTestService({ poolSize: 2 })
  afterAll(() => service.dispose())

  it('publishes states, progress and epochs in order, and history() replays them for a late subscriber', async () => {
    service.start({
      jobId: 'ordered',
      config: smallConfig({ epochs: 3 }),
      windows: sineWindows(48, 12, 2, 16),
    })
    await service.finished('ordered')
    const names = events.map((event) => event.name)
    const states = events
      .filter((event) => event.name === 'training.state')
      .map((event) => (event.payload as { state: string }).state)
    expect(states).toEqual(['queued', 'running', 'completed'])
    expect(names.indexOf('training.progress')).toBeGreaterThan(names.indexOf('training.state'))
    expect(names.at(-1)).toBe('training.state')
    const positions = events
      .filter((event) => event.name !== 'training.state')
      .map((event) => {
        const payload = event.payload as { epoch: number; batch?: number; batches?: number }
        return payload.epoch * 1000 + (payload.batch ?? 999)
      })
    expect(positions).toEqual([...positions].sort((a, b) => a - b))

    const history = service.history('ordered')
    expect(history.status.state).toBe('completed')
    expect(history.states.map((event) => event.state)).toEqual(states)
    expect(history.epochs).toEqual(
      events.filter((event) => event.name === 'training.epoch').map((event) => event.payload),
    )
    expect(history.lastProgress).toMatchObject({
      jobId: 'ordered',
      epoch: 2,
      batch: 2,
      batches: 3,
      etaSeconds: 0,
    })
    expect(history.lastProgress?.windowsPerSec).toBeGreaterThan(0)
    expect(history.lastProgress?.gradNorm).toBeGreaterThan(0)
    for (const epoch of history.epochs) {
      expect(epoch.valLoss).toBeGreaterThan(0)
      expect(epoch.lr).toBe(0.01)
    }
    expect(history.epochs.filter((epoch) => epoch.best).length).toBeGreaterThan(0)
    expect(history.status.backend).toMatch(/reference-float32/)
  })

  it('refuses windows that do not match the configuration', () => {
    const windows = sineWindows(48, 12, 2)
    expect(() => service.start({ config: smallConfig({ lookback: 10 }), windows })).toThrow(
      /Training inputs have 576 values, expected 48 windows × 10 steps × 1 features/,
    )
    expect(() => service.start({ config: smallConfig({ horizon: 5 }), windows })).toThrow(
      /multiple of the horizon 5/,
    )
    expect(() => service.start({ config: smallConfig({ batchSize: 0 }), windows })).toThrow()
  })
})
