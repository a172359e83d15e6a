import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RequestArgs, RequestName, RequestResult } from '../../electron/api/contract'
import { loadModelFolder } from '../../electron/services/models'
import { createTestServices } from '../unit/helpers/test-services'
import { testWorkerFiles } from '../unit/helpers/test-workers'

// Two pool threads, so both candidates train side by side and both have weights when stopped.
const { services, dispatch, dispose } = createTestServices('lstm-auto-', {
  workers: { ...testWorkerFiles, poolSize: 2 },
})
afterAll(() => dispose())

async function call<N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> {
  const reply = await dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

/** The Auto plan of the sample AirPassengers, cut down to a few epochs for the test. */
async function autoArgs(epochs: number, patience: number) {
  const project = await call('projects.openSample', {})
  const air = project.manifest.datasets.find((dataset) => dataset.name === 'AirPassengers')!
  const source = { projectId: project.projectId, datasetId: air.id, targets: ['value'] }
  const plan = await call('training.autoPlan', source)
  const args: RequestArgs<'training.start'> = {
    source: { ...source, covariates: [] },
    config: {
      ...plan.config,
      layers: [{ cell: 'lstm', units: 8, dropout: 0 }],
      epochs,
      patience,
      workers: 1,
    },
    forecasting: plan.forecasting,
  }
  return { project, plan, args }
}

function nextEvent(predicate: (name: string, payload: Record<string, unknown>) => boolean) {
  return new Promise<Record<string, unknown>>((resolve) => {
    const off = services.bus.subscribe((name, payload) => {
      if (!predicate(name, payload as Record<string, unknown>)) return
      off()
      resolve(payload as Record<string, unknown>)
    })
  })
}

const modelReady = (runId: string) =>
  nextEvent((name, payload) => name === 'models.ready' && payload.runId === runId)

const runState = (runId: string, state: string) =>
  nextEvent(
    (name, payload) => name === 'training.state' && payload.jobId === runId && payload.state === state,
  )

/** Resolves once every candidate job has reported at least one epoch. */
function bothCandidatesTraining(jobIds: string[]) {
  const seen = new Set<string>()
  return nextEvent((name, payload) => {
    if (name === 'training.epoch' && jobIds.includes(payload.jobId as string))
      seen.add(payload.jobId as string)
    return seen.size === jobIds.length
  })
}

describe('Auto run in the app: both target modes, chosen on validation', () => {
  it('plans from the series: monthly AirPassengers gets lookback 24, horizon 24, log, huber, one layer', async () => {
    const { plan } = await autoArgs(1, 0)
    expect(plan).toMatchObject({ length: 144, period: 12, ensemble: 5 })
    expect(plan.config).toMatchObject({ lookback: 24, horizon: 24, loss: 'huber', epochs: 150, patience: 20 })
    expect(plan.config.layers).toEqual([{ cell: 'lstm', units: 16, dropout: 0 }])
    expect(plan.forecasting).toMatchObject({ targetMode: 'auto', log: 'log', scaling: 'zscore' })
    expect(plan.forecasting.test).toEqual({ count: 24 })
  })

  it('trains both candidates and keeps the one with the lower validation error', async () => {
    const { project, args } = await autoArgs(6, 3)
    const runId = 'auto-complete'
    const ready = modelReady(runId)
    const started = await call('training.start', { ...args, runId })
    expect(started.jobId).toBe(runId)
    expect(started.candidates?.map((c) => c.targetMode)).toEqual(['level', 'seasonalResidual'])
    await ready

    const status = await call('training.status', { jobId: runId })
    expect(status.state).toBe('completed')
    for (const candidate of status.candidates!) expect(candidate.epoch).toBeGreaterThan(0)

    const evaluation = await call('models.evaluation', { projectId: project.projectId, modelId: runId })
    const auto = evaluation.auto!
    expect(auto.candidates.map((c) => c.targetMode)).toEqual(['level', 'seasonalResidual'])
    const scores = auto.candidates.map((c) => c.validationMae!)
    scores.forEach((score) => expect(Number.isFinite(score)).toBe(true))
    expect(auto.chosen).toBe(auto.candidates[scores[0]! <= scores[1]! ? 0 : 1]!.targetMode)
    const chosen = auto.candidates.find((c) => c.targetMode === auto.chosen)!

    const folder = path.join(project.path, 'models', runId)
    const loaded = await loadModelFolder(folder)
    expect(loaded.model.state.config.targetMode).toBe(auto.chosen)
    expect(loaded.model.state.config.residualWeight).toBe(chosen.residualWeight)
    expect((evaluation.config.forecasting as { targetMode: string }).targetMode).toBe(auto.chosen)

    const jobs = await call('training.list', {})
    expect(jobs.map((job) => job.jobId)).toContain(runId)
    expect(jobs.map((job) => job.jobId)).not.toContain(`${runId}-level`)
  })

  it('pauses and resumes both candidates; stop keeps both best weights and still chooses', async () => {
    const { project, args } = await autoArgs(10_000, 0)
    const runId = 'auto-stop'
    const training = bothCandidatesTraining([`${runId}-level`, `${runId}-residual`])
    await call('training.start', { ...args, runId })
    await training

    // A job pauses between two steps: the run's own state event says when both have.
    const paused = runState(runId, 'paused')
    await call('training.pause', { jobId: runId })
    await paused
    const whilePaused = await call('training.status', { jobId: runId })
    expect(whilePaused.candidates!.map((c) => c.state)).toEqual(['paused', 'paused'])
    const running = runState(runId, 'running')
    await call('training.resume', { jobId: runId })
    await running

    const ready = modelReady(runId)
    await call('training.stop', { jobId: runId })
    await ready
    const evaluation = await call('models.evaluation', { projectId: project.projectId, modelId: runId })
    const auto = evaluation.auto!
    expect(auto.candidates.map((c) => c.state)).toEqual(['stopped', 'stopped'])
    const scores = auto.candidates.map((c) => c.validationMae)
    expect(scores.every((score) => score !== null && Number.isFinite(score))).toBe(true)
    expect(auto.chosen).toBe(auto.candidates[scores[0]! <= scores[1]! ? 0 : 1]!.targetMode)
    expect((await call('training.status', { jobId: runId })).state).toBe('stopped')
  })

  it('cancel discards both candidates: no model, the run is marked cancelled', async () => {
    const { project, args } = await autoArgs(10_000, 0)
    const runId = 'auto-cancel'
    const training = bothCandidatesTraining([`${runId}-level`, `${runId}-residual`])
    await call('training.start', { ...args, runId })
    await training
    const cancelled = runState(runId, 'cancelled')
    await call('training.cancel', { jobId: runId })
    await cancelled
    await expect
      .poll(async () => {
        const manifest = (await call('projects.get', { projectId: project.projectId })).manifest
        return manifest.runs.find((run) => run.id === runId)?.status
      })
      .toBe('cancelled')
    const manifest = (await call('projects.get', { projectId: project.projectId })).manifest
    expect(manifest.models.map((model) => model.id)).not.toContain(runId)
  })
})
