import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RequestName, RequestResult } from '../../electron/api/contract'
import { createTestServices } from '../unit/helpers/test-services'
import { testWorkerFiles } from '../unit/helpers/test-workers'

// A panel with M3's `type` column through the real services: the import finds the static
// attribute, a global model trains with it and the calendar as inputs, and wrong choices are refused.
const TYPED = path.resolve(__dirname, '../fixtures/panel/m3_quarterly_typed_train.csv')
const { services, dispatch, dispose } = createTestServices('lstm-panel-inputs-', { workers: testWorkerFiles })
afterAll(dispose)

async function call<N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> {
  const reply = await dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

describe('static attributes and calendar inputs in the app', () => {
  it('are detected at import, validated and trained on', async () => {
    const { projectId } = await call('projects.openSample', {})
    expect(await call('panel.detect', { path: TYPED })).toEqual({
      form: 'long',
      keys: ['id'],
      attributes: ['type'],
    })
    const inspected = await call('panel.inspect', { path: TYPED, limit: 1 })
    expect(inspected.staticAttributes).toEqual([{ name: 'type', kind: 'categorical', categories: 3 }])
    const imported = await call('panel.import', { projectId, path: TYPED, form: 'long', ids: ['id'] })
    expect(imported.dataset.panel?.staticAttributes).toEqual(inspected.staticAttributes)
    const datasetId = imported.dataset.id

    const unknown = await dispatch(
      'panel.train',
      { projectId, datasetId, settings: { staticInputs: ['region'] } },
      { transport: 'ipc' },
    )
    expect(unknown).toMatchObject({ ok: false, error: { code: 'PANEL_UNKNOWN_ATTRIBUTE' } })
    expect(unknown.ok ? '' : unknown.error.message).toMatch(/"region".*static attributes are type/)
    const notBoolean = await dispatch(
      'panel.train',
      { projectId, datasetId, settings: { calendar: 'yes' } },
      { transport: 'ipc' },
    )
    expect(notBoolean).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } })

    const ready = new Promise<string>((resolve) =>
      services.bus.subscribe((name, payload) => {
        if (name === 'models.ready') resolve((payload as { modelId: string }).modelId)
      }),
    )
    const started = await call('panel.train', {
      projectId,
      datasetId,
      horizon: 4,
      seed: 5,
      settings: { epochs: 2, ensemble: 1, windowsPerEpoch: 64, staticInputs: ['type'], calendar: true },
    })
    const modelId = await ready
    expect(modelId).toBe(started.jobId)
    const view = await call('projects.get', { projectId })
    const saved = JSON.parse(
      await readFile(path.join(view.path, 'models', modelId, 'panel-model.json'), 'utf8'),
    )
    expect(saved.config).toMatchObject({ staticInputs: ['type'], calendar: true })
    expect(saved.inputs.static[0]).toMatchObject({ name: 'type', categories: ['INDUSTRY', 'MACRO', 'MICRO'] })
    expect(saved.inputs.calendar).toEqual({ season: 4 })
    const results = await call('panel.results', { projectId, modelId })
    expect(results.series).toHaveLength(12)
    const micro = await call('panel.series', { projectId, modelId, index: 0 })
    expect(micro.forecast).toHaveLength(4)
    expect(micro.forecast.every(Number.isFinite)).toBe(true)
  }, 120_000)
})

// A synthetic panel whose sales rise by half in planned promotion months, with 4 rows ahead.
const PROMO = path.resolve(__dirname, '../fixtures/panel/promo_panel.csv')

describe('covariates known ahead in the app', () => {
  it('are found at import with their rows ahead, validated against the horizon and trained on', async () => {
    const { projectId } = await call('projects.openSample', {})
    const inspected = await call('panel.inspect', { path: PROMO, target: 'sales', limit: 2 })
    expect(inspected.covariates).toEqual([{ name: 'promo', ahead: 4 }])
    expect(inspected.series[0].length).toBe(36)
    const imported = await call('panel.import', {
      projectId,
      path: PROMO,
      form: 'long',
      ids: ['store'],
      target: 'sales',
    })
    expect(imported.dataset.panel?.covariates).toEqual([{ name: 'promo', ahead: 4 }])
    const datasetId = imported.dataset.id

    const unknown = await dispatch(
      'panel.train',
      { projectId, datasetId, horizon: 4, settings: { futureInputs: ['price'] } },
      { transport: 'ipc' },
    )
    expect(unknown).toMatchObject({ ok: false, error: { code: 'PANEL_UNKNOWN_COVARIATE' } })
    const tooFar = await dispatch(
      'panel.train',
      { projectId, datasetId, horizon: 6, settings: { futureInputs: ['promo'] } },
      { transport: 'ipc' },
    )
    expect(tooFar).toMatchObject({ ok: false, error: { code: 'PANEL_FUTURE_MISSING' } })
    expect(tooFar.ok ? '' : tooFar.error.message).toMatch(/"promo" is given 4 step\(s\).*horizon of 6/)

    const ready = new Promise<string>((resolve) =>
      services.bus.subscribe((name, payload) => {
        if (name === 'models.ready') resolve((payload as { modelId: string }).modelId)
      }),
    )
    await call('panel.train', {
      projectId,
      datasetId,
      horizon: 4,
      seed: 5,
      settings: { epochs: 2, ensemble: 1, windowsPerEpoch: 64, futureInputs: ['promo'] },
    })
    const modelId = await ready
    const view = await call('projects.get', { projectId })
    const saved = JSON.parse(
      await readFile(path.join(view.path, 'models', modelId, 'panel-model.json'), 'utf8'),
    )
    expect(saved.config.futureInputs).toEqual(['promo'])
    expect(saved.inputs.future[0]).toMatchObject({ name: 'promo' })
    // The forecast ahead starts after each store's last sale, on the future rows' dates.
    const first = await call('panel.series', { projectId, modelId, index: 0 })
    expect(first.forecast).toHaveLength(4)
    expect(first.forecast.every(Number.isFinite)).toBe(true)
    expect(first.history).toHaveLength(36)
    expect(first.forecastTimestamps?.map((t) => new Date(t).toISOString().slice(0, 7))).toEqual([
      '2023-01',
      '2023-02',
      '2023-03',
      '2023-04',
    ])
  }, 120_000)
})
