import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { RequestName, RequestResult } from '../../electron/api/contract'
import { createTestServices } from '../unit/helpers/test-services'

// The analyst's path through the real services and worker threads: sample project → train on
// the pool → the model is judged and saved → forecast → export → CSV.
const { services, dispatch, dispose } = createTestServices('lstm-journey-')

async function call<N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> {
  const reply = await dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

afterAll(() => dispose())

describe('from a dataset to an exported model', () => {
  it('trains, evaluates beside the baselines, forecasts and exports', async () => {
    const project = await call('projects.openSample', {})
    const air = project.manifest.datasets.find((dataset) => dataset.name === 'AirPassengers')
    expect(air).toBeDefined()
    const events: string[] = []
    const ready = new Promise<string>((resolve) =>
      services.bus.subscribe((name, payload) => {
        events.push(name)
        if (name === 'models.ready') resolve((payload as { modelId: string }).modelId)
      }),
    )
    await call('training.start', {
      source: { projectId: project.projectId, datasetId: air!.id, targets: ['value'] },
      config: {
        layers: [{ cell: 'lstm', units: 8 }],
        lookback: 24,
        horizon: 12,
        batchSize: 16,
        epochs: 8,
        optimizer: { lr: 0.01 },
        patience: 4,
      },
      forecasting: { targetMode: 'seasonalResidual', log: 'log' },
    })
    const modelId = await ready
    expect(events).toContain('training.epoch')

    const evaluation = await call('models.evaluation', { projectId: project.projectId, modelId })
    const [value] = evaluation.targets
    expect(evaluation.targets).toHaveLength(1)
    expect(value.target).toBe('value')
    expect(value.test.mean.length).toBeGreaterThan(0)
    expect(value.baselines.map((baseline) => baseline.name)).toEqual(
      expect.arrayContaining(['naive', 'seasonalNaive', 'drift', 'mean', 'ets']),
    )
    expect(Number.isFinite(value.metrics.test.mae)).toBe(true)
    // One-step-ahead fitted values cover the history before the test part, in the series' units.
    const fitted = value.fitted!
    expect(fitted.values.length).toBe(evaluation.testStart - fitted.start)
    const errors = fitted.values.map((fit, i) => Math.abs(fit - (value.actual[fitted.start + i] ?? 0)))
    expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThan(60) // passengers, thousands: 100–600

    const forecast = await call('models.forecast', { projectId: project.projectId, modelId })
    expect(forecast.targets.map((target) => target.target)).toEqual(['value'])
    const { bands } = forecast.targets[0]
    expect(bands.mean).toHaveLength(12)
    // AirPassengers ends in December 1960: the forecast starts in January 1961.
    expect(new Date(forecast.timestamps![0]!).toISOString()).toBe('1961-01-01T00:00:00.000Z')
    bands.mean.forEach((mean, i) => {
      expect(bands.lower95[i]!).toBeLessThanOrEqual(bands.lower80[i]!)
      expect(bands.lower80[i]!).toBeLessThanOrEqual(mean)
      expect(mean).toBeLessThanOrEqual(bands.upper80[i]!)
    })

    const onnx = await call('models.export', { projectId: project.projectId, modelId, format: 'onnx' })
    expect(onnx.files).toContain('model.onnx')
    const csv = await call('forecasts.exportCsv', {
      projectId: project.projectId,
      forecastId: forecast.forecastId,
      delimiter: ';',
      decimalSeparator: ',',
    })
    expect(csv.csv.split('\n')[0]).toBe('date;forecast;lower80;upper80;lower95;upper95')
    expect(readFileSync(csv.path, 'utf8')).toBe(csv.csv)

    const reopened = await call('projects.get', { projectId: project.projectId })
    expect(reopened.manifest.models.map((model) => model.id)).toContain(modelId)
    expect(reopened.manifest.forecasts.map((f) => f.id)).toContain(forecast.forecastId)

    const trace = await call('inside.trace', { projectId: project.projectId, modelId })
    expect(Object.keys(trace.layers[0]!.gates)).toEqual(['i', 'f', 'g', 'o'])
    expect(trace.layers[0]!.h).toHaveLength(trace.lookback)
  })

  it('refuses a forecast of a model that does not exist, by code', async () => {
    const project = await call('projects.openSample', {})
    const reply = await dispatch(
      'models.forecast',
      { projectId: project.projectId, modelId: 'nope' },
      {
        transport: 'ipc',
      },
    )
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
