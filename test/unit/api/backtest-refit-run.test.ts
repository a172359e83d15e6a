import { afterAll, describe, expect, it } from 'vitest'
import type { Reply } from '../../../electron/api/envelope'
import type { ModelEvaluation } from '../../../electron/api/requests/models'
import type { ProjectView } from '../../../electron/api/requests/projects'
import { createTestServices } from '../helpers/test-services'

const app = createTestServices('lstm-backtest-refit-')
afterAll(() => app.dispose())

async function call<T>(name: string, args: unknown): Promise<T> {
  const reply: Reply = await app.dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as T
}

/** Resolves when the run's model is saved; rejects when its job ends without one. */
function modelSaved(runId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = app.services.bus.subscribe((name, payload) => {
      const event = payload as { runId?: string; jobId?: string; state?: string; message?: string }
      if (name === 'models.ready' && event.runId === runId) {
        stop()
        resolve()
      }
      if (name === 'training.state' && event.jobId === runId && event.state === 'failed') {
        stop()
        reject(new Error(`run failed: ${event.message ?? ''}`))
      }
      if (name === 'app.notice' && String(event.message).includes(runId)) {
        stop()
        reject(new Error(String(event.message)))
      }
    })
  })
}

describe('a run with min-max scaling, seasonal differencing and a refitted backtest', () => {
  it('trains, and its evaluation has two backtest origins marked refit', { timeout: 120_000 }, async () => {
    const project = await call<ProjectView>('projects.openSample', {})
    const dataset = project.manifest.datasets.find((record) => record.name === 'AirPassengers')
    expect(dataset).toBeDefined()
    const runId = 'refit-backtest-1'
    const saved = modelSaved(runId)
    await call('training.start', {
      runId,
      source: { projectId: project.projectId, datasetId: dataset!.id, targets: ['value'] },
      config: {
        layers: [{ units: 4 }],
        lookback: 12,
        horizon: 6,
        batchSize: 32,
        epochs: 2,
        patience: 0,
        optimizer: { lr: 0.01 },
        workers: 1,
      },
      forecasting: {
        targetMode: 'level',
        scaling: 'minmax',
        difference: 'seasonal',
        validation: { count: 12 },
        test: { count: 12 },
        backtest: { origins: 2, refit: true },
      },
    })
    await saved
    const evaluation = await call<ModelEvaluation>('models.evaluation', {
      projectId: project.projectId,
      modelId: runId,
    })
    // 144 months: test and validation are the last 12 rows each.
    expect(evaluation.testStart).toBe(132)
    expect(evaluation.validationStart).toBe(120)
    const { backtest } = evaluation.targets[0]
    expect(backtest?.refit).toBe(true)
    // Two origins a horizon apart, the last one a horizon before the end.
    expect(backtest?.origins.map((origin) => origin.origin)).toEqual([132, 138])
    for (const origin of backtest!.origins) expect(Number.isFinite(origin.metrics.mae)).toBe(true)
    expect(evaluation.config).toMatchObject({
      forecasting: { scaling: 'minmax', difference: 'seasonal', backtest: { origins: 2, refit: true } },
    })
  })

  it('refuses a split whose counts leave no training window, saying so', async () => {
    const project = await call<ProjectView>('projects.openSample', {})
    const dataset = project.manifest.datasets.find((record) => record.name === 'AirPassengers')!
    const reply = await app.dispatch(
      'training.start',
      {
        source: { projectId: project.projectId, datasetId: dataset.id, targets: ['value'] },
        config: {
          layers: [{ units: 4 }],
          lookback: 24,
          horizon: 12,
          batchSize: 32,
          epochs: 1,
          optimizer: { lr: 0.01 },
        },
        forecasting: { targetMode: 'level', validation: { count: 60 }, test: { count: 60 } },
      },
      { transport: 'websocket' },
    )
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('INVALID_SETTINGS')
    expect(reply.error.message).toMatch(/no complete training window/)
  })
})
