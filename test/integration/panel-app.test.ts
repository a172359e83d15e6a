import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RequestName, RequestResult } from '../../electron/api/contract'
import { createTestServices } from '../unit/helpers/test-services'
import { testWorkerFiles } from '../unit/helpers/test-workers'

// A long-form panel through the real services, as the app drives it: imported into a project,
// a global model trained as a run on the pool, its scores, one series, and both CSV exports.
const SLICE = path.resolve(__dirname, '../fixtures/panel/m3_quarterly_slice_train.csv')
const { services, dispatch, dispose } = createTestServices('lstm-panel-app-', { workers: testWorkerFiles })
afterAll(dispose)

async function call<N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> {
  const reply = await dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

describe('a panel in the app', () => {
  it('is imported, trained, scored, shown series by series and exported', async () => {
    const project = await call('projects.openSample', {})
    const projectId = project.projectId
    expect(await call('panel.detect', { path: SLICE })).toEqual({
      form: 'long',
      keys: ['id'],
      attributes: [],
    })
    const imported = await call('panel.import', { projectId, path: SLICE, form: 'long', ids: ['id'] })
    expect(imported.dataset.panel).toMatchObject({ form: 'long', keyNames: ['id'], seriesCount: 12 })
    const reopened = await call('projects.get', { projectId })
    expect(reopened.manifest.datasets.find((d) => d.id === imported.dataset.id)?.panel?.seriesCount).toBe(12)

    const ready = new Promise<string>((resolve) =>
      services.bus.subscribe((name, payload) => {
        if (name === 'models.ready') resolve((payload as { modelId: string }).modelId)
      }),
    )
    const started = await call('panel.train', {
      projectId,
      datasetId: imported.dataset.id,
      horizon: 4,
      seed: 3,
      settings: { epochs: 2, ensemble: 1, windowsPerEpoch: 64 },
    })
    expect(['queued', 'running']).toContain(started.state)
    expect((await call('training.status', { jobId: started.jobId })).jobId).toBe(started.jobId)
    const modelId = await ready
    expect(modelId).toBe(started.jobId)

    const results = await call('panel.results', { projectId, modelId })
    expect(results.series).toHaveLength(12)
    expect(results.horizon).toBe(4)
    expect(results.scores?.network.smape).toBeGreaterThan(0)
    expect(results.scores?.naive2.owa).toBeCloseTo(1, 10)
    expect(results.series[0]).toMatchObject({ index: 0, key: ['N0646'], length: 36, missing: 0 })
    expect(results.series[0].bestBaseline).not.toBeNull()
    expect(results.series[0].spark.length).toBeGreaterThan(0)

    const one = await call('panel.series', { projectId, modelId, index: 0 })
    expect(one.history).toHaveLength(36)
    expect(one.forecast).toHaveLength(4)
    expect(one.forecastTimestamps?.[0]).toBeGreaterThan(one.timestamps![35]!)
    expect(one.intervals.map((b) => b.level)).toEqual([80, 95])

    const long = await call('panel.exportForecast', { projectId, modelId, shape: 'long' })
    const lines = long.csv.trim().split('\n')
    expect(lines[0]).toBe('id,date,forecast,lo80,hi80,lo95,hi95')
    expect(lines).toHaveLength(1 + 12 * 4)
    expect(await readFile(long.path, 'utf8')).toBe(long.csv)
    const wide = await call('panel.exportForecast', { projectId, modelId, shape: 'wide' })
    expect(wide.csv.split('\n')[0]).toBe(`date,${results.series.map((s) => s.key[0]).join(',')}`)

    const badIndex = await dispatch('panel.series', { projectId, modelId, index: 99 }, { transport: 'ipc' })
    expect(badIndex).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS', field: 'index' } })
    const notPanel = await dispatch(
      'panel.train',
      { projectId, datasetId: project.manifest.datasets[0]!.id },
      { transport: 'ipc' },
    )
    expect(notPanel).toMatchObject({ ok: false, error: { code: 'NOT_A_PANEL' } })
    const inUse = await dispatch(
      'datasets.delete',
      { projectId, datasetId: imported.dataset.id, confirmName: imported.dataset.name },
      { transport: 'ipc' },
    )
    expect(inUse).toMatchObject({ ok: false, error: { code: 'DATASET_IN_USE' } })
    const asOneSeries = await dispatch(
      'training.autoPlan',
      { projectId, datasetId: imported.dataset.id, targets: ['value'] },
      { transport: 'ipc' },
    )
    expect(asOneSeries).toMatchObject({ ok: false, error: { code: 'PANEL_DATASET' } })
  }, 120_000)
})
