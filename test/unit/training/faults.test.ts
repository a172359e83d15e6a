import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { FaultInjection } from '../../../electron/services/training/fault-plan'
import { createTestService, epochLosses, eventsOf, sineWindows, smallConfig, temporaryDir } from './helpers'

describe('faults', () => {
  const { service, events } = createTestService({ poolSize: 2, enableTestHooks: true })
  afterAll(() => service.dispose())
  const windows = sineWindows(48, 12, 2, 16)
  const config = smallConfig({ epochs: 2 })
  const fault = (kind: FaultInjection['kind'], times: number): FaultInjection => ({
    kind,
    epoch: 1,
    batch: 1,
    shard: 2,
    times,
  })

  it('refuses fault injection unless test hooks are enabled', async () => {
    const { service: production } = createTestService()
    expect(() => production.start({ config, windows, fault: fault('throw', 1) })).toThrow(/test hook/)
    await production.dispose()
  })

  it.each(['throw', 'exit'] as const)(
    'retries a step whose worker failed once (%s) with an exact result',
    async (kind) => {
      service.start({ jobId: `clean-${kind}`, config, windows })
      service.start({ jobId: `retried-${kind}`, config, windows, fault: fault(kind, 1) })
      const [clean, retried] = await Promise.all([
        service.finished(`clean-${kind}`),
        service.finished(`retried-${kind}`),
      ])
      expect(clean.state).toBe('completed')
      expect(retried.state).toBe('completed')
      expect(epochLosses(eventsOf(events, `retried-${kind}`))).toEqual(
        epochLosses(eventsOf(events, `clean-${kind}`)),
      )
    },
  )

  it.each(['throw', 'exit'] as const)(
    'fails the job with a clear message when the worker keeps failing (%s), then runs the next job normally',
    async (kind) => {
      const { dir, remove } = await temporaryDir()
      try {
        service.start({
          jobId: `broken-${kind}`,
          config,
          windows,
          checkpointDir: dir,
          fault: fault(kind, 10),
        })
        const broken = await service.finished(`broken-${kind}`)
        expect(broken.state).toBe('failed')
        expect(broken.message).toMatch(/training worker failed at epoch 2, batch 2 \(2 attempts\)/)
        expect(broken.message).toMatch(
          kind === 'throw' ? /Injected worker fault/ : /worker thread died \(worker exited with code: 70\)/,
        )
        expect(broken.message).toMatch(/last good checkpoint \(epoch 1\) was kept/)
        const last = JSON.parse(await readFile(path.join(dir, 'checkpoint-last.json'), 'utf8')) as {
          epochsDone: number
        }
        expect(last.epochsDone).toBe(1)

        service.start({ jobId: `after-${kind}`, config, windows })
        expect((await service.finished(`after-${kind}`)).state).toBe('completed')
      } finally {
        await remove()
      }
    },
  )

  it('retries a validation chunk whose worker died, and names the validation when it keeps failing', async () => {
    const validationFault = (times: number): FaultInjection => ({
      kind: 'exit',
      epoch: 0,
      batch: 3,
      shard: 1,
      times,
    })
    service.start({ jobId: 'validation-clean', config, windows })
    service.start({ jobId: 'validation-retried', config, windows, fault: validationFault(1) })
    await Promise.all([service.finished('validation-clean'), service.finished('validation-retried')])
    // Durations differ between any two runs; everything else must not.
    const timeless = (jobId: string) =>
      service.history(jobId).epochs.map((epoch) => ({ ...epoch, jobId, seconds: undefined }))
    expect(timeless('validation-retried')).toEqual(
      timeless('validation-clean').map((epoch) => ({ ...epoch, jobId: 'validation-retried' })),
    )
    service.start({ jobId: 'validation-broken', config, windows, fault: validationFault(5) })
    const broken = await service.finished('validation-broken')
    expect(broken.state).toBe('failed')
    expect(broken.message).toMatch(
      /worker failed at the validation of epoch 1 \(2 attempts\): the worker thread died/,
    )
  })

  it('stops a diverging run with a clear message and keeps the last good checkpoint', async () => {
    const { dir, remove } = await temporaryDir()
    try {
      // A good first epoch, then a learning rate no model survives.
      const diverging = smallConfig({
        epochs: 4,
        optimizer: { kind: 'sgd', lr: 0.01 },
        schedule: { kind: 'step', stepSize: 1, gamma: 1e12 },
      })
      service.start({ jobId: 'diverging', config: diverging, windows, checkpointDir: dir })
      const status = await service.finished('diverging')
      expect(status.state).toBe('failed')
      expect(status.message).toMatch(/Training diverged at epoch 2, batch \d+: .* is not finite/)
      expect(status.message).toMatch(/last good checkpoint \(epoch 1\) was kept/)
      const last = JSON.parse(await readFile(path.join(dir, 'checkpoint-last.json'), 'utf8')) as {
        epochsDone: number
      }
      expect(last.epochsDone).toBe(1)
      expect(service.weights('diverging')?.every(Number.isFinite)).toBe(true)
    } finally {
      await remove()
    }
  })
})
