import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RequestArgs, RequestName, RequestResult } from '../../electron/api/contract'
import { createTestServices } from '../unit/helpers/test-services'
import { testWorkerFiles } from '../unit/helpers/test-workers'

// A series too short for any network, through the real services: Auto's plan says so, the run
// forecasts it with ETS labelled as such, and an ONNX export is refused by name.
const { services, dispatch, dispose } = createTestServices('lstm-short-', { workers: testWorkerFiles })
let folder = ''
afterAll(async () => {
  await dispose()
  if (folder) await rm(folder, { recursive: true, force: true })
})

async function call<N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> {
  const reply = await dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

async function twentyMonths(): Promise<string> {
  folder = await mkdtemp(path.join(tmpdir(), 'lstm-short-csv-'))
  const rows = Array.from({ length: 20 }, (_, t) => {
    const month = `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01`
    return `${month},${(100 + 3 * t + 8 * Math.sin((2 * Math.PI * t) / 12)).toFixed(2)}`
  })
  const file = path.join(folder, 'twenty-months.csv')
  await writeFile(file, ['month,sales', ...rows].join('\n'))
  return file
}

describe('a series too short for a network', () => {
  it('gets a labelled statistical forecast from Auto, which no network export pretends to be', async () => {
    const project = await call('projects.openSample', {})
    const imported = await call('data.import', { projectId: project.projectId, path: await twentyMonths() })
    if (imported.status !== 'ok') throw new Error('the import asked for a decision')
    const source = { projectId: project.projectId, datasetId: imported.dataset.id, targets: ['sales'] }
    const plan = await call('training.autoPlan', source)
    expect(plan.statistical).toMatch(/^20 points are too few for a network/)
    // Too short to hold out the 24-point horizon: the whole series goes to the forecast.
    expect(plan.forecasting.test).toEqual({ count: 0 })

    const ready = new Promise<string>((resolve) =>
      services.bus.subscribe((name, payload) => {
        if (name === 'models.ready') resolve((payload as { modelId: string }).modelId)
      }),
    )
    const args: RequestArgs<'training.start'> = {
      source: { ...source, covariates: [] },
      config: { ...plan.config, workers: 1 },
      forecasting: plan.forecasting,
    }
    await call('training.start', args)
    const modelId = await ready
    const evaluation = await call('models.evaluation', { projectId: project.projectId, modelId })
    expect(evaluation.notes[0]).toMatch(/^Statistical forecast, not a network: .*ETS\(/)
    const forecast = await call('models.forecast', { projectId: project.projectId, modelId })
    expect(forecast.targets[0]!.bands.mean).toHaveLength(plan.config.horizon)

    const reply = await dispatch(
      'models.export',
      { projectId: project.projectId, modelId, format: 'onnx' },
      { transport: 'websocket' },
    )
    expect(reply.ok).toBe(false)
    if (!reply.ok) {
      expect(reply.error.code).toBe('EXPORT_NO_NETWORK')
      expect(reply.error.message).toMatch(/statistical forecast \(ETS\): it has no network to export as ONNX/)
    }
  })
})
