import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RequestName, RequestResult } from '../../electron/api/contract'
import { createTestServices } from '../unit/helpers/test-services'
import { testWorkerFiles } from '../unit/helpers/test-workers'

// Rolling-origin backtests of a panel through the real services: asked for in panel.train's
// settings, trained as networks of the run on the pool, saved with the model, read by panel.results.
// Six M3 quarterly series and one cut to ten quarters, too short for either origin.
const PANEL = path.resolve(__dirname, '../fixtures/panel/m3_quarterly_backtest_tiny.csv')
const { services, dispatch, dispose } = createTestServices('lstm-panel-backtest-', {
  workers: testWorkerFiles,
})
afterAll(dispose)

async function call<N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> {
  const reply = await dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

async function importedPanel() {
  const { projectId } = await call('projects.openSample', {})
  const { dataset } = await call('panel.import', { projectId, path: PANEL, form: 'long', ids: ['id'] })
  const ready = new Promise<string>((resolve) =>
    services.bus.subscribe((name, payload) => {
      if (name === 'models.ready') resolve((payload as { modelId: string }).modelId)
    }),
  )
  return { projectId, datasetId: dataset.id, ready }
}

describe('backtests over a panel in the app', () => {
  it('trains each origin as a stage of the run and returns its scores with the model', async () => {
    const { projectId, datasetId, ready } = await importedPanel()
    const started = await call('panel.train', {
      projectId,
      datasetId,
      horizon: 4,
      seed: 5,
      settings: { epochs: 2, ensemble: 1, windowsPerEpoch: 64, backtestOrigins: 2 },
    })
    expect(await ready).toBe(started.jobId)
    const status = await call('training.status', { jobId: started.jobId })
    // The test part, origin 1, origin 2, then the final fit: one network each.
    expect(status.candidates?.map((job) => job.role)).toEqual([
      { stage: 'train', origins: 2, member: 1, members: 1 },
      { stage: 'backtest', origin: 1, origins: 2, member: 1, members: 1 },
      { stage: 'backtest', origin: 2, origins: 2, member: 1, members: 1 },
      { stage: 'final', member: 1, members: 1 },
    ])

    const { backtest, scores } = await call('panel.results', { projectId, modelId: started.jobId })
    expect(scores?.network.smape).toBeGreaterThan(0)
    expect(backtest?.horizon).toBe(4)
    expect(backtest?.origins.map((o) => [o.origin, o.cutFromEnd, o.series, o.tooShort, o.skipped])).toEqual([
      [1, 8, 6, 1, null],
      [2, 12, 6, 1, null],
    ])
    for (const origin of backtest!.origins) {
      expect(origin.scores!.network.smape).toBeGreaterThan(0)
      expect(origin.scores!.naive2.owa).toBeCloseTo(1, 10)
      expect(origin.scores!.theta.owa).toBeGreaterThan(0)
      expect(origin.coverage![80] === null || (origin.coverage![80] >= 0 && origin.coverage![80] <= 1)).toBe(
        true,
      )
    }
    const [one, two] = backtest!.origins
    expect(backtest!.mean!.origins).toBe(2)
    expect(backtest!.mean!.scores.network.smape).toBeCloseTo(
      (one!.scores!.network.smape + two!.scores!.network.smape) / 2,
      10,
    )
    // The setting is recorded with the run.
    const { manifest } = await call('projects.get', { projectId })
    expect(manifest.runs.find((run) => run.id === started.jobId)?.config).toMatchObject({
      settings: { backtestOrigins: 2 },
    })
  }, 180_000)

  it('leaves the origins untrained when the run is stopped while judged, and still saves the model', async () => {
    const { projectId, datasetId, ready } = await importedPanel()
    let epochs = 0
    services.bus.subscribe((name) => {
      if (name === 'training.epoch') epochs++
    })
    const started = await call('panel.train', {
      projectId,
      datasetId,
      horizon: 4,
      settings: { epochs: 1000, patience: 1000, ensemble: 1, windowsPerEpoch: 64, backtestOrigins: 2 },
    })
    await expect.poll(() => epochs, { timeout: 60_000 }).toBeGreaterThan(0)
    await call('training.stop', { jobId: started.jobId })
    expect(await ready).toBe(started.jobId)
    const { backtest } = await call('panel.results', { projectId, modelId: started.jobId })
    expect(backtest?.origins.map((o) => o.skipped)).toEqual(['stopped', 'stopped'])
    expect(backtest?.mean).toBeNull()
    const roles = (await call('training.status', { jobId: started.jobId })).candidates?.map(
      (job) => job.role.stage,
    )
    expect(roles).toEqual(['train', 'final'])
  }, 180_000)

  it('refuses more origins than the settings allow, naming the field', async () => {
    const { projectId, datasetId } = await importedPanel()
    for (const backtestOrigins of [6, -1, 1.5, '2'])
      expect(
        await dispatch(
          'panel.train',
          { projectId, datasetId, settings: { backtestOrigins } },
          { transport: 'websocket' },
        ),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS', field: 'settings.backtestOrigins' } })
  })
})
