import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RequestName, RequestResult } from '../../electron/api/contract'
import { runOnnx } from '../unit/export/onnx-runtime'
import { createTestServices } from '../unit/helpers/test-services'
import { testWorkerFiles } from '../unit/helpers/test-workers'

// A panel model trained through the real services, then exported as the Panel screen asks:
// models.export into the project's exports/, zipped for a browser; bad arguments refused by field.
const SLICE = path.resolve(__dirname, '../fixtures/panel/m3_quarterly_slice_train.csv')
const { services, dispatch, dispose } = createTestServices('lstm-panel-export-', { workers: testWorkerFiles })
afterAll(dispose)

async function call<N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> {
  const reply = await dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

describe('exporting a panel model through the API', () => {
  it('writes ONNX, TF.js and native exports into the project and zips them', async () => {
    const { projectId } = await call('projects.openSample', {})
    const imported = await call('panel.import', { projectId, path: SLICE, form: 'long', ids: ['id'] })
    const ready = new Promise<string>((resolve) =>
      services.bus.subscribe((name, payload) => {
        if (name === 'models.ready') resolve((payload as { modelId: string }).modelId)
      }),
    )
    await call('panel.train', {
      projectId,
      datasetId: imported.dataset.id,
      horizon: 4,
      seed: 5,
      settings: { epochs: 2, ensemble: 2, windowsPerEpoch: 64 },
    })
    const modelId = await ready

    const onnx = await call('models.export', { projectId, modelId, format: 'onnx' })
    expect(onnx.files).toEqual([
      'preprocessing.json',
      'forecast.mjs',
      'forecast.py',
      'model.onnx',
      'README.md',
    ])
    expect(onnx.folder).toMatch(/onnx/)
    const description = JSON.parse(await readFile(path.join(onnx.path, 'preprocessing.json'), 'utf8'))
    expect(description).toMatchObject({ kind: 'panel', horizon: 4, members: 2, window: { inGraph: true } })
    expect(await readFile(path.join(onnx.path, 'README.md'), 'utf8')).toContain(
      'panel forecaster — ONNX export',
    )

    // The first series of the panel, as a raw window: the graph answers in its units.
    const one = await call('panel.series', { projectId, modelId, index: 0 })
    const { lookback } = description as { lookback: number }
    const history = one.history.filter((v): v is number => v !== null).slice(-lookback)
    const x = new Float32Array(lookback * 2)
    history.forEach((v, i) => {
      x[(lookback - history.length + i) * 2] = v
      x[(lookback - history.length + i) * 2 + 1] = 1
    })
    const run = await runOnnx(new Uint8Array(await readFile(path.join(onnx.path, 'model.onnx'))), x, [
      1,
      lookback,
      2,
    ])
    expect(run.dims).toEqual([1, 4])
    const level = history.reduce((a, v) => a + v, 0) / history.length
    for (const value of run.data) expect(Math.abs(value - level) / level).toBeLessThan(1)

    const zip = await call('downloads.zipExport', { projectId, folder: onnx.folder! })
    expect(zip.fileName).toMatch(/\.zip$/)
    expect(zip.size).toBeGreaterThan(1000)

    const tfjs = await call('models.export', { projectId, modelId, format: 'tfjs' })
    expect(tfjs.files).toContain('model.json')
    const native = await call('models.export', { projectId, modelId, format: 'native' })
    expect(native.files).toEqual(['weights.bin', 'panel-model.json', 'README.md'])

    const badFormat = await dispatch(
      'models.export',
      { projectId, modelId, format: 'pmml' },
      { transport: 'ipc' },
    )
    expect(badFormat).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS', field: 'format' } })
    const unknown = await dispatch(
      'models.export',
      { projectId, modelId: 'nope', format: 'onnx' },
      { transport: 'ipc' },
    )
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
