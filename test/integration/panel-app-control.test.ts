import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestName, RequestResult } from '../../electron/api/contract'
import { createTestServices } from '../unit/helpers/test-services'
import { testWorkerFiles } from '../unit/helpers/test-workers'

// Panels the app must refuse in words, a wide panel, and a panel run cancelled through training.*.
const SLICE = path.resolve(__dirname, '../fixtures/panel/m3_quarterly_slice_train.csv')
const { services, dispatch, dispose } = createTestServices('lstm-panel-control-', {
  workers: testWorkerFiles,
})
let folder = ''
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'lstm-panel-csv-'))
})
afterAll(async () => {
  await dispose()
  await rm(folder, { recursive: true, force: true })
})

async function call<N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> {
  const reply = await dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

async function csv(name: string, lines: string[]): Promise<string> {
  const file = path.join(folder, name)
  await writeFile(file, `${lines.join('\n')}\n`)
  return file
}

const months = (n: number) => Array.from({ length: n }, (_, t) => `2020-${String(t + 1).padStart(2, '0')}-01`)

describe('panels in the app, beyond the happy path', () => {
  it('imports a wide panel with series of different lengths', async () => {
    const { projectId } = await call('projects.openSample', {})
    const withHeader = await csv('wide.csv', [
      'month,north,south',
      // South starts three months late: its empty cells are not missing values.
      ...months(10).map((m, t) => `${m},${10 + t},${t < 3 ? '' : 50 - t}`),
    ])
    const progress: number[] = []
    services.bus.subscribe((name, payload) => {
      const event = payload as { importId: string; fraction: number }
      if (name === 'data.importProgress' && event.importId === 'wide-import') progress.push(event.fraction)
    })
    const { dataset } = await call('panel.import', {
      projectId,
      path: withHeader,
      form: 'wide',
      importId: 'wide-import',
    })
    // Progress is published under the caller's id, as a one-series import's is.
    expect(progress.at(-1)).toBe(1)
    expect(dataset.panel).toMatchObject({ form: 'wide', seriesCount: 2, lengths: { min: 7, max: 10 } })
  })

  it('refuses a panel with two rows of one series on one date, naming it, and keeps the project as it was', async () => {
    const { projectId } = await call('projects.openSample', {})
    const before = (await call('projects.get', { projectId })).manifest.datasets.length
    const file = await csv('twice.csv', [
      'id,date,value',
      'a,2020-01-01,1',
      'a,2020-02-01,2',
      'b,2020-01-01,3',
      'b,2020-01-01,4',
      'b,2020-02-01,5',
    ])
    const reply = await dispatch(
      'panel.import',
      { projectId, path: file, form: 'long', ids: ['id'] },
      { transport: 'ipc' },
    )
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.message).toMatch(/series b has two rows for 2020-01-01/)
    expect((await call('projects.get', { projectId })).manifest.datasets).toHaveLength(before)
    const noKey = await dispatch(
      'panel.import',
      { projectId, path: file, form: 'long', ids: ['store'] },
      { transport: 'ipc' },
    )
    expect(noKey).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no column named store/) },
    })
  })

  it('cancels a panel run through training.cancel: the run is recorded cancelled and no model is saved', async () => {
    const { projectId } = await call('projects.openSample', {})
    const { dataset } = await call('panel.import', { projectId, path: SLICE, form: 'long', ids: ['id'] })
    const tooFar = await dispatch(
      'panel.train',
      { projectId, datasetId: dataset.id, horizon: 38 },
      { transport: 'ipc' },
    )
    expect(tooFar).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENTS', field: 'horizon', message: expect.stringMatching(/has 38 points/) },
    })
    const started = await call('panel.train', {
      projectId,
      datasetId: dataset.id,
      horizon: 4,
      settings: { epochs: 1000, patience: 1000, ensemble: 1 },
    })
    const cancelled = await call('training.cancel', { jobId: started.jobId })
    expect(cancelled.jobId).toBe(started.jobId)
    // The run settles once its cancelled networks have unwound: wait for the project to record it.
    const runStatus = async () =>
      (await call('projects.get', { projectId })).manifest.runs.find((run) => run.id === started.jobId)
        ?.status
    await expect.poll(runStatus, { timeout: 60_000 }).toBe('cancelled')
    expect((await call('training.status', { jobId: started.jobId })).state).toBe('cancelled')
    const { manifest } = await call('projects.get', { projectId })
    expect(manifest.models.some((model) => model.id === started.jobId)).toBe(false)
  }, 90_000)

  it('pauses, resumes and stops a panel run while it is judged: the final fit trains as far as the judged networks got, and is saved', async () => {
    const { projectId } = await call('projects.openSample', {})
    const { dataset } = await call('panel.import', { projectId, path: SLICE, form: 'long', ids: ['id'] })
    const ready = new Promise<string>((resolve) =>
      services.bus.subscribe((name, payload) => {
        if (name === 'models.ready') resolve((payload as { modelId: string }).modelId)
      }),
    )
    let epochs = 0
    services.bus.subscribe((name) => {
      if (name === 'training.epoch') epochs++
    })
    const started = await call('panel.train', {
      projectId,
      datasetId: dataset.id,
      horizon: 4,
      settings: { epochs: 1000, patience: 1000, ensemble: 1 },
    })
    await expect.poll(() => epochs, { timeout: 60_000 }).toBeGreaterThan(0)
    // Pause and resume reach the run's networks by the run's id, as for a single run.
    await call('training.pause', { jobId: started.jobId })
    const status = () => call('training.status', { jobId: started.jobId }).then((s) => s.state)
    await expect.poll(status, { timeout: 30_000 }).toBe('paused')
    await call('training.resume', { jobId: started.jobId })
    await expect.poll(status, { timeout: 30_000 }).toBe('running')
    await call('training.stop', { jobId: started.jobId })
    expect(await ready).toBe(started.jobId)
    const results = await call('panel.results', { projectId, modelId: started.jobId })
    expect(results.series).toHaveLength(12)
    const { manifest } = await call('projects.get', { projectId })
    expect(manifest.runs.find((run) => run.id === started.jobId)?.status).toBe('completed')
  }, 120_000)

  it('saves a panel model into its project even when the project was closed while it trained', async () => {
    const project = await call('projects.openSample', {})
    const { dataset } = await call('panel.import', {
      projectId: project.projectId,
      path: SLICE,
      form: 'long',
      ids: ['id'],
    })
    const ready = new Promise<string>((resolve) =>
      services.bus.subscribe((name, payload) => {
        if (name === 'models.ready') resolve((payload as { modelId: string }).modelId)
      }),
    )
    const started = await call('panel.train', {
      projectId: project.projectId,
      datasetId: dataset.id,
      horizon: 4,
      settings: { epochs: 1000, patience: 1000, ensemble: 1 },
    })
    await call('projects.close', { projectId: project.projectId })
    await call('training.stop', { jobId: started.jobId })
    expect(await ready).toBe(started.jobId)
    const reopened = await call('projects.open', { path: project.path })
    expect(reopened.manifest.models.map((model) => model.id)).toContain(started.jobId)
    expect(reopened.manifest.runs.find((run) => run.id === started.jobId)?.status).toBe('completed')
  }, 120_000)
})
