import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RequestName, RequestResult } from '../../electron/api/contract'
import { createTestServices } from '../unit/helpers/test-services'

// Two target columns through the real services: import, train one network on both, judge each,
// forecast both and export the forecast in long form.
const { services, dispatch, dispose } = createTestServices('lstm-targets-')
const dirs: string[] = []
afterAll(async () => {
  await dispose()
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

async function call<N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> {
  const reply = await dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

async function twoColumnCsv(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lstm-targets-csv-'))
  dirs.push(dir)
  const rows = Array.from({ length: 96 }, (_, i) => {
    const sales = 100 + i + 20 * Math.sin((2 * Math.PI * i) / 12)
    const date = new Date(Date.UTC(2000 + Math.floor(i / 12), i % 12, 1)).toISOString().slice(0, 10)
    return `${date},${sales.toFixed(2)},${(2000 - 3 * sales).toFixed(2)}`
  })
  const file = path.join(dir, 'shop.csv')
  await writeFile(file, `date,sales,visits\n${rows.join('\n')}\n`)
  return file
}

describe('a model of two target columns', () => {
  it('is trained on both, judged per target and forecasts both', async () => {
    const project = await call('projects.openSample', {})
    const imported = await call('data.import', { projectId: project.projectId, path: await twoColumnCsv() })
    if (imported.status !== 'ok') throw new Error('the import asked for a decision')
    const ready = new Promise<string>((resolve) =>
      services.bus.subscribe((name, payload) => {
        if (name === 'models.ready') resolve((payload as { modelId: string }).modelId)
      }),
    )
    await call('training.start', {
      source: {
        projectId: project.projectId,
        datasetId: imported.dataset.id,
        targets: ['sales', 'visits'],
      },
      config: {
        layers: [{ units: 6 }],
        lookback: 12,
        horizon: 6,
        batchSize: 16,
        epochs: 4,
        optimizer: { lr: 0.01 },
      },
    })
    const modelId = await ready
    const evaluation = await call('models.evaluation', { projectId: project.projectId, modelId })
    expect(evaluation.name).toMatch(/sales, visits$/)
    expect(evaluation.targets.map((target) => target.target)).toEqual(['sales', 'visits'])
    const [sales, visits] = evaluation.targets
    expect(visits.test.mean.length).toBe(sales.test.mean.length)
    expect(Number.isFinite(visits.metrics.test.mae)).toBe(true)
    expect(visits.baselines.map((baseline) => baseline.name)).toContain('seasonalNaive')
    // visits ≈ 2000 − 3·sales: far from sales' scale, so its forecasts are its own.
    expect(visits.test.mean[0]!).toBeGreaterThan(1000)
    // One-step fitted values for every target, on each target's own scale and over the same rows.
    expect(visits.fitted?.start).toBe(sales.fitted?.start)
    expect(visits.fitted?.values).toHaveLength(sales.fitted!.values.length)
    expect(visits.fitted!.values.every((value) => value > 1000)).toBe(true)
    expect(sales.fitted!.values.every((value) => value < 1000)).toBe(true)

    const forecast = await call('models.forecast', { projectId: project.projectId, modelId })
    expect(forecast.targets.map((target) => target.target)).toEqual(['sales', 'visits'])
    expect(forecast.targets[1]!.bands.mean).toHaveLength(6)
    const csv = await call('forecasts.exportCsv', {
      projectId: project.projectId,
      forecastId: forecast.forecastId,
      delimiter: ',',
      decimalSeparator: '.',
    })
    const lines = csv.csv.trim().split('\n')
    expect(lines[0]).toBe('date,target,forecast,lower80,upper80,lower95,upper95')
    expect(lines.filter((line) => line.includes(',visits,'))).toHaveLength(6)
  })
})
