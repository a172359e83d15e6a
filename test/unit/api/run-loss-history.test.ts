import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ProjectView } from '../../../electron/api/requests/projects'
import type { RunLossHistory } from '../../../electron/api/requests/records'
import { parseLossCsv } from '../../../electron/services/projects/run-files'
import { createTestServices } from '../helpers/test-services'

const app = createTestServices('lstm-loss-history-')
afterAll(() => app.dispose())

async function call<T>(name: string, args: unknown): Promise<T> {
  const reply = await app.dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code })
  return reply.result as T
}

function modelSaved(runId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = app.services.bus.subscribe((name, payload) => {
      if (name === 'models.ready' && (payload as { runId?: string }).runId === runId) {
        stop()
        resolve()
      }
    })
  })
}

describe("a past run's loss curves come back from its files", () => {
  it('reads every network of the run, in order, with its best epochs', { timeout: 120_000 }, async () => {
    const project = await call<ProjectView>('projects.openSample', {})
    const projectId = project.projectId
    const dataset = project.manifest.datasets.find((record) => record.name === 'AirPassengers')!
    const runId = 'loss-history-run'
    const saved = modelSaved(runId)
    await call('training.start', {
      runId,
      source: { projectId, datasetId: dataset.id, targets: ['value'] },
      config: {
        layers: [{ units: 4 }],
        lookback: 12,
        horizon: 6,
        batchSize: 32,
        epochs: 3,
        optimizer: { lr: 0.01 },
      },
    })
    await saved

    const history = await call<RunLossHistory>('runs.lossHistory', { projectId, runId })
    expect(history.runId).toBe(runId)
    expect(history.networks.length).toBeGreaterThan(0)
    expect(history.networks.map((network) => network.jobId)).toEqual(
      history.networks.map((_, i) => `${runId}-${i + 1}`),
    )
    // The first network trains with a validation part: the same rows as its loss.csv.
    const first = history.networks[0]!
    const csv = readFileSync(path.join(project.path, 'runs', runId, first.jobId, 'loss.csv'), 'utf8')
    expect(first.epochs).toEqual(parseLossCsv(csv))
    expect(first.epochs.length).toBeGreaterThan(0)
    expect(first.epochs[0]).toMatchObject({ epoch: 0, best: true })
    // The log names each network: the first is judged on the main split, the last fits all the data.
    expect(first.role).toMatchObject({ stage: 'train' })
    expect(history.networks.at(-1)?.role).toMatchObject({ stage: 'final' })
    expect(first.epochs.every((epoch) => epoch.valLoss !== null && epoch.trainLoss > 0)).toBe(true)
  })

  it('refuses a run the project does not have, and a malformed id', async () => {
    const project = await call<ProjectView>('projects.openSample', {})
    await expect(
      call('runs.lossHistory', { projectId: project.projectId, runId: 'no-such-run' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      call('runs.lossHistory', { projectId: project.projectId, runId: '../data' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' })
    await expect(call('runs.lossHistory', { projectId: project.projectId })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
    })
  })
})

describe('loss.csv is read as training wrote it', () => {
  it('keeps empty validation cells as none, marks the best so far, skips a torn line', () => {
    const text =
      'epoch,train_loss,val_loss,lr\n0,2,1.5,0.01\n1,1,1.7,0.01\n2,0.5,1.2,0.01\n3,0.4,,0.01\n4,0.3'
    const rows = parseLossCsv(text)
    expect(rows.map((row) => row.best)).toEqual([true, false, true, true, true])
    expect(rows[3]).toEqual({ epoch: 3, trainLoss: 0.4, valLoss: null, lr: 0.01, best: true })
    expect(parseLossCsv('epoch,train_loss,val_loss,lr\n1,x,1,0\n\n')).toEqual([])
  })
})
