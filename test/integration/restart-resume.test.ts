import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/api/dispatch'
import type { RequestName, RequestResult } from '../../electron/api/contract'
import { createServices, type Services } from '../../electron/services'
import { testWorkerFiles } from '../unit/helpers/test-workers'
import { endlessTrainingArgs } from './endless-training'

// The app's data folder outlives the app: two service instances in turn on the same folder.
const root = mkdtempSync(path.join(os.tmpdir(), 'lstm-auto-restart-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function startApp() {
  const services = createServices({
    identity: { name: 'LSTM Studio', version: '0.0.0-test', electronVersion: null },
    samplesDir: path.resolve(__dirname, '../../resources/samples'),
    settingsDir: path.join(root, 'settings'),
    defaultProjectsFolder: path.join(root, 'projects'),
    workers: { ...testWorkerFiles, poolSize: 2 },
  })
  const dispatch = createDispatcher(services.handlers)
  const call = async <N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> => {
    const reply = await dispatch(name, args, { transport: 'websocket' })
    if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
    return reply.result as RequestResult<N>
  }
  return { services, call }
}

/** Resolves with the first payload of `name` that `accept` takes. */
function nextEvent(services: Services, name: string, accept: (payload: Record<string, unknown>) => boolean) {
  return new Promise<Record<string, unknown>>((resolve) => {
    const off = services.bus.subscribe((event, payload) => {
      if (event !== name || !accept(payload as Record<string, unknown>)) return
      off()
      resolve(payload as Record<string, unknown>)
    })
  })
}

/**
 * Trains run `runId` (jobs `jobIds`) until every job checkpointed 3 epochs, closes the
 * app, reopens the project in a new app, resumes the run, stops it after 2 more epochs each and
 * checks that every job's history is one trajectory without a gap. Returns the evaluation.
 */
async function closeAndResume(runId: string, jobIds: string[], targetMode: 'auto' | 'level') {
  const first = startApp()
  const project = await first.call('projects.openSample', {})
  const air = project.manifest.datasets.find((dataset) => dataset.name === 'AirPassengers')!
  const source = { projectId: project.projectId, datasetId: air.id, targets: ['value'] }
  const plan = await first.call('training.autoPlan', source)
  const args = endlessTrainingArgs(source, plan, runId, targetMode)
  // Each candidate has checkpointed at least two epochs (written before the next epoch starts).
  const reached = new Map<string, number>()
  const checkpointed = nextEvent(first.services, 'training.epoch', (payload) => {
    reached.set(payload.jobId as string, payload.epoch as number)
    return jobIds.every((jobId) => (reached.get(jobId) ?? -1) >= 2)
  })
  await first.call('training.start', args)
  await checkpointed
  // Quitting the app interrupts both candidates between two steps and keeps their checkpoints.
  await first.services.dispose()
  expect((await first.call('training.status', { jobId: runId })).state).toBe('interrupted')

  const second = startApp()
  const reopened = await second.call('projects.open', { path: project.path })
  // Nothing was saved as a model, and the project still records the run as running.
  expect(reopened.manifest.models.map((model) => model.id)).not.toContain(runId)
  expect(reopened.manifest.runs.find((run) => run.id === runId)?.status).toBe('running')
  const published: Record<string, number[]> = {}
  const trainingAgain = new Promise<void>((resolve) =>
    second.services.bus.subscribe((event, payload) => {
      const { jobId, epoch } = payload as { jobId: string; epoch: number }
      if (event !== 'training.epoch' || !jobIds.includes(jobId)) return
      ;(published[jobId] ??= []).push(epoch)
      if (jobIds.every((id) => (published[id]?.length ?? 0) >= 2)) resolve()
    }),
  )
  const ready = nextEvent(second.services, 'models.ready', (payload) => payload.runId === runId)
  const resumed = { ...args, source: { ...args.source, projectId: reopened.projectId }, resume: true }
  await second.call('training.start', resumed)
  await trainingAgain
  await second.call('training.stop', { jobId: runId })
  await ready

  for (const jobId of jobIds) {
    const history = await second.call('training.history', { jobId })
    const epochs = history.epochs.map((epoch) => epoch.epoch)
    // One trajectory without a gap: the checkpointed epochs, then the ones trained after reopening.
    expect(epochs).toEqual([...Array(epochs.length).keys()])
    expect(published[jobId]![0]).toBeGreaterThanOrEqual(3)
    expect(epochs.at(-1)).toBeGreaterThanOrEqual(published[jobId]!.at(-1)!)
  }
  const evaluation = await second.call('models.evaluation', { projectId: reopened.projectId, modelId: runId })
  const manifest = (await second.call('projects.get', { projectId: reopened.projectId })).manifest
  expect(manifest.runs.find((run) => run.id === runId)?.status).toBe('completed')
  await second.services.dispose()
  return evaluation
}

describe('training survives the app being closed and reopened', () => {
  it('resumes a run from its checkpoint', async () => {
    const evaluation = await closeAndResume('plain-restart', ['plain-restart-1'], 'level')
    expect(Number.isFinite(evaluation.targets[0].metrics.test.mae)).toBe(true)
  }, 120_000)

  it('resumes the networks of an Auto run, which still chooses on validation', async () => {
    const evaluation = await closeAndResume('auto-restart', ['auto-restart-1', 'auto-restart-2'], 'auto')
    const { candidates, chosen } = evaluation.auto!
    // The lowest validation error among every candidate (the first on a tie).
    const lowest = candidates.reduce((a, b) => (b.validationMae! < a.validationMae! ? b : a))
    expect(chosen).toBe(lowest.targetMode)
  }, 120_000)
})
