import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestService, eventsOf, sineWindows, smallConfig, temporaryDir } from './helpers'

describe('checkpoints', () => {
  const { service, events } = createTestService({ poolSize: 2 })
  afterAll(() => service.dispose())
  const windows = sineWindows(48, 12, 2, 16)
  const config = smallConfig({
    epochs: 4,
    layers: [
      { cell: 'lstm', units: 8, dropout: 0.1 },
      { cell: 'gru', units: 6, dropout: 0 },
    ],
    schedule: { kind: 'plateau', patience: 0, factor: 0.5 },
  })

  it('writes the loss history and checkpoints, and a new service resumes on the same trajectory', async () => {
    const straight = await temporaryDir()
    const interrupted = await temporaryDir()
    try {
      service.start({ jobId: 'straight', config, windows, checkpointDir: straight.dir })
      service.start({
        jobId: 'first-half',
        config: { ...config, epochs: 2 },
        windows,
        checkpointDir: interrupted.dir,
      })
      await Promise.all([service.finished('straight'), service.finished('first-half')])

      const csv = await readFile(path.join(straight.dir, 'loss.csv'), 'utf8')
      const rows = csv.trim().split('\n')
      expect(rows[0]).toBe('epoch,train_loss,val_loss,lr')
      expect(rows).toHaveLength(5)
      // The job's weights go to the run; the run folder keeps only what resuming needs.
      expect((await readdir(straight.dir)).sort()).toEqual([
        'checkpoint-best.json',
        'checkpoint-last.json',
        'loss.csv',
      ])

      const { service: restarted, events: resumedEvents } = createTestService({ poolSize: 2 })
      try {
        restarted.start({
          jobId: 'second-half',
          config,
          windows,
          checkpointDir: interrupted.dir,
          resume: true,
        })
        expect((await restarted.finished('second-half')).state).toBe('completed')
        const expected = eventsOf(events, 'straight').filter((event) => event.name === 'training.epoch')
        const published = resumedEvents.filter((event) => event.name === 'training.epoch')
        // Only the new epochs are published; the history also has the restored ones.
        expect(published.map((event) => (event.payload as { epoch: number }).epoch)).toEqual([2, 3])
        const strip = (payload: object) => ({ ...payload, jobId: undefined, seconds: undefined })
        expect(published.map((event) => strip(event.payload))).toEqual(
          expected.slice(2).map((event) => strip(event.payload)),
        )
        expect(restarted.history('second-half').epochs.map(strip)).toEqual(
          expected.map((event) => strip(event.payload)),
        )
        expect(Array.from(restarted.weights('second-half') ?? [])).toEqual(
          Array.from(service.weights('straight') ?? []),
        )
        expect(await readFile(path.join(interrupted.dir, 'loss.csv'), 'utf8')).toBe(csv)
      } finally {
        await restarted.dispose()
      }
    } finally {
      await straight.remove()
      await interrupted.remove()
    }
  })

  it('fails clearly when there is no checkpoint to resume, and when the model changed', async () => {
    const empty = await temporaryDir()
    try {
      service.start({ jobId: 'nothing', config, windows, checkpointDir: empty.dir, resume: true })
      expect((await service.finished('nothing')).message).toMatch(/No checkpoint to resume from/)

      service.start({ jobId: 'small', config: { ...config, epochs: 1 }, windows, checkpointDir: empty.dir })
      await service.finished('small')
      const wider = { ...config, layers: [{ cell: 'lstm' as const, units: 9, dropout: 0 }] }
      service.start({ jobId: 'wider', config: wider, windows, checkpointDir: empty.dir, resume: true })
      const status = await service.finished('wider')
      expect(status.state).toBe('failed')
      expect(status.message).toMatch(/different model/)
    } finally {
      await empty.remove()
    }
  })

  it('cancel discards the weights it wrote', async () => {
    const run = await temporaryDir()
    try {
      const { service: cancelling } = createTestService({
        poolSize: 2,
        events: {
          publish: (name) => {
            if (name === 'training.epoch') cancelling.cancel('cancelled')
          },
        },
      })
      cancelling.start({ jobId: 'cancelled', config, windows, checkpointDir: run.dir })
      expect((await cancelling.finished('cancelled')).state).toBe('cancelled')
      await cancelling.dispose()
      await expect(readFile(path.join(run.dir, 'checkpoint-last.json'))).rejects.toThrow(/ENOENT/)
      await expect(readFile(path.join(run.dir, 'checkpoint-best.json'))).rejects.toThrow(/ENOENT/)
    } finally {
      await run.remove()
    }
  })
})
