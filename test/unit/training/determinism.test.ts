import { afterAll, describe, expect, it } from 'vitest'
import { createTestService, epochLosses, sineWindows, smallConfig } from './helpers'

describe('data-parallel training', () => {
  const { service, events } = createTestService({ poolSize: 2 })
  afterAll(() => service.dispose())
  const windows = sineWindows(72, 12, 2, 24)

  async function lossesWith(workers: number, jobId: string, backend: 'reference' | 'wasm' = 'reference') {
    service.start({
      jobId,
      config: smallConfig({
        workers,
        backend,
        layers: [
          { cell: 'lstm', units: 8, dropout: 0.2 },
          { cell: 'lstm', units: 6, dropout: 0 },
        ],
      }),
      windows,
    })
    const status = await service.finished(jobId)
    expect(status.state).toBe('completed')
    const mine = events.filter((event) => (event.payload as { jobId?: string }).jobId === jobId)
    return {
      train: epochLosses(mine),
      weights: service.weights(jobId) as Float32Array,
      history: service.history(jobId),
    }
  }

  it('gives bitwise the same losses and weights on 1 and 2 workers', async () => {
    const one = await lossesWith(1, 'one-worker')
    const two = await lossesWith(2, 'two-workers')
    expect(one.train).toHaveLength(3)
    expect(two.train).toEqual(one.train)
    expect(two.history.epochs.map((epoch) => epoch.valLoss)).toEqual(
      one.history.epochs.map((epoch) => epoch.valLoss),
    )
    expect(Array.from(two.weights)).toEqual(Array.from(one.weights))
    expect(one.train[2]).toBeLessThan(one.train[0])
  })

  it('is deterministic on the WebAssembly backend too', async () => {
    const one = await lossesWith(1, 'wasm-one', 'wasm')
    const two = await lossesWith(2, 'wasm-two', 'wasm')
    expect(two.history.status.backend).toMatch(/^wasm-/)
    expect(two.train).toEqual(one.train)
    expect(Array.from(two.weights)).toEqual(Array.from(one.weights))
  })
})
