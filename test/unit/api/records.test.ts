import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ProjectView } from '../../../electron/api/requests/projects'
import { createTestServices } from '../helpers/test-services'

const app = createTestServices('lstm-records-')
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

const manifestOf = async (projectId: string) =>
  (await call<ProjectView>('projects.get', { projectId })).manifest

describe('datasets, models and runs can be renamed and deleted', () => {
  it(
    'with the care projects get: typed names, nothing in use deleted, files removed',
    { timeout: 120_000 },
    async () => {
      const project = await call<ProjectView>('projects.openSample', {})
      const projectId = project.projectId
      const dataset = project.manifest.datasets.find((record) => record.name === 'AirPassengers')!
      const others = project.manifest.datasets.filter((record) => record.id !== dataset.id).map((r) => r.id)

      const runId = 'records-run-1'
      const saved = modelSaved(runId)
      await call('training.start', {
        runId,
        source: { projectId, datasetId: dataset.id, targets: ['value'] },
        config: {
          layers: [{ units: 4 }],
          lookback: 12,
          horizon: 6,
          batchSize: 32,
          epochs: 2,
          optimizer: { lr: 0.01 },
        },
      })
      await saved

      const renamed = await call<{ name: string }>('datasets.rename', {
        projectId,
        datasetId: dataset.id,
        name: 'Airline passengers',
      })
      expect(renamed.name).toBe('Airline passengers')
      // The model trained on it reads it: refused until the model is gone.
      await expect(
        call('datasets.delete', { projectId, datasetId: dataset.id, confirmName: 'Airline passengers' }),
      ).rejects.toMatchObject({ code: 'DATASET_IN_USE' })

      const model = await call<{ name: string }>('models.rename', {
        projectId,
        modelId: runId,
        name: 'First try',
      })
      expect(model.name).toBe('First try')
      await expect(
        call('models.delete', { projectId, modelId: runId, confirmName: 'First' }),
      ).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' })
      await call('models.delete', { projectId, modelId: runId, confirmName: 'First try' })
      expect(existsSync(path.join(project.path, 'models', runId))).toBe(false)

      await call('runs.delete', { projectId, runId })
      expect(existsSync(path.join(project.path, 'runs', runId))).toBe(false)
      await call('datasets.delete', { projectId, datasetId: dataset.id, confirmName: 'Airline passengers' })
      expect(existsSync(path.join(project.path, dataset.storedFile))).toBe(false)

      const manifest = await manifestOf(projectId)
      expect(manifest.datasets.map((record) => record.id)).toEqual(others)
      expect(manifest.models).toEqual([])
      expect(manifest.runs).toEqual([])
      // The project still opens after the deletions.
      await call('projects.close', { projectId })
      const reopened = await call<ProjectView>('projects.open', { path: project.path })
      expect(reopened.manifest.datasets).toHaveLength(others.length)
    },
  )
})
