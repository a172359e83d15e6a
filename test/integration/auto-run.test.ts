import path from 'node:path'
import { writeFile } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import type { RequestArgs, RequestName, RequestResult } from '../../electron/api/contract'
import { runTrain } from '../../electron/cli/train'
import { loadModelFolder } from '../../electron/services/models'
import { createTestServices } from '../unit/helpers/test-services'
import { testWorkerFiles } from '../unit/helpers/test-workers'

// Two pool threads, so candidates train side by side and have weights when stopped.
const { services, dispatch, dispose } = createTestServices('lstm-auto-', {
  workers: { ...testWorkerFiles, poolSize: 2 },
})
afterAll(() => dispose())

const MODES = ['level', 'seasonalResidual', 'etsResidual']

/** The candidate with the lowest validation error (the first on a tie), as Auto keeps it. */
function lowestOf(candidates: Array<{ targetMode: string; validationMae: number | null }>): string {
  return candidates.reduce((a, b) => (b.validationMae! < a.validationMae! ? b : a)).targetMode
}

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

/** Resolves once each of these jobs has reported at least one epoch. */
function jobsTraining(jobIds: string[]) {
  const seen = new Set<string>()
  return nextEvent((name, payload) => {
    if (name === 'training.epoch' && jobIds.includes(payload.jobId as string))
      seen.add(payload.jobId as string)
    return seen.size === jobIds.length
  })
}

/** What `lstm-studio train` prints on stdout for the same series and settings. */
async function cliRun(argv: string[]) {
  let stdout = ''
  const io = {
    stdout: { write: (text: string) => ((stdout += text), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: () => true } as unknown as NodeJS.WritableStream,
    workers: testWorkerFiles,
  }
  expect(await runTrain(argv, io)).toBe(0)
  return JSON.parse(stdout) as {
    candidates: Array<{ targetMode: string; validationScore: number }>
    targetMode: string
    metrics: { targets: Array<{ test: { mae: number; smape: number; mase: number } }> }
    finalFit: { observations: number }
  }
}

describe('Auto run in the app: every target mode, chosen on validation', () => {
  it('plans from the series: monthly AirPassengers gets lookback 24, horizon 24, log, huber, one layer', async () => {
    const { plan } = await autoArgs(1, 0)
    expect(plan).toMatchObject({ length: 144, period: 12, ensemble: 10, statistical: null })
    expect(plan.config).toMatchObject({ lookback: 24, horizon: 24, loss: 'huber', epochs: 150, patience: 10 })
    expect(plan.config.layers).toEqual([{ cell: 'lstm', units: 16, dropout: 0 }])
    expect(plan.forecasting).toMatchObject({ targetMode: 'auto', log: 'log', scaling: 'zscore' })
    expect(plan.forecasting.test).toEqual({ count: 24 })
  })

  it('gives the validation scores and test metrics of `lstm-studio train` for the same series, settings and seed', async () => {
    const { project, args } = await autoArgs(4, 2)
    const runId = 'auto-complete'
    const ready = modelReady(runId)
    const started = await call('training.start', { ...args, runId })
    expect(started.jobId).toBe(runId)
    await ready

    const status = await call('training.status', { jobId: runId })
    expect(status.state).toBe('completed')
    // Every candidate, their earlier folds and every ensemble member, then the refit and the final fit.
    const roles = status.candidates!.map((network) => network.role)
    expect(new Set(roles.map((role) => role.candidate))).toEqual(new Set(MODES))
    for (const network of status.candidates!) expect(network.epoch).toBeGreaterThan(0)

    const evaluation = await call('models.evaluation', { projectId: project.projectId, modelId: runId })
    // Every member of the ensemble of 10 is retrained on all the data, except a residual member whose
    // untrained start (its base forecast) scored best: it stays there, with nothing to train.
    const retrained = evaluation.finalFit!.memberEpochs.filter((epochs) => epochs > 0)
    expect(evaluation.finalFit!.memberEpochs).toHaveLength(10)
    expect(roles.filter((role) => role.stage === 'final')).toHaveLength(retrained.length)
    const auto = evaluation.auto!
    expect(auto.candidates.map((c) => c.targetMode)).toEqual(MODES)
    const scores = auto.candidates.map((c) => c.validationMae!)
    expect(auto.chosen).toBe(lowestOf(auto.candidates))
    expect(evaluation.finalFit?.observations).toBe(144)

    const csv = path.resolve(__dirname, '../../resources/samples/AirPassengers.csv')
    const config = path.join(project.path, 'auto-overrides.json')
    await writeFile(config, JSON.stringify({ layers: args.config.layers, epochs: 4, patience: 2 }))
    const out = path.join(project.path, 'cli-model')
    const cli = await cliRun([csv, '--target', 'value', '--out', out, '--config', config, '--workers', '2'])
    expect(cli.targetMode).toBe(auto.chosen)
    expect(cli.candidates.map((c) => c.validationScore)).toEqual(scores)
    expect(cli.metrics.targets[0]!.test.mae).toBe(evaluation.targets[0]!.metrics.test.mae)
    expect(cli.metrics.targets[0]!.test.smape).toBe(evaluation.targets[0]!.metrics.test.smape)
    expect(cli.finalFit.observations).toBe(144)

    const loaded = await loadModelFolder(path.join(project.path, 'models', runId))
    expect(loaded.model.state.config.targetMode).toBe(auto.chosen)
    const jobs = await call('training.list', {})
    expect(jobs.map((job) => job.jobId)).toContain(runId)
    expect(jobs.map((job) => job.jobId)).not.toContain(`${runId}-1`)
  }, 180_000)

  it(
    'pauses and resumes every network; stop keeps the best weights so far and still chooses',
    {
      timeout: 180_000,
    },
    async () => {
      const { project, args } = await autoArgs(10_000, 0)
      const runId = 'auto-stop'
      const training = jobsTraining([`${runId}-1`, `${runId}-2`])
      await call('training.start', { ...args, runId })
      await training

      // A job pauses between two steps: the run's own state event says when both have.
      const paused = runState(runId, 'paused')
      await call('training.pause', { jobId: runId })
      await paused
      const whilePaused = await call('training.status', { jobId: runId })
      const active = whilePaused.candidates!.filter((c) => c.state !== 'queued')
      expect(active.map((c) => c.state)).toEqual(active.map(() => 'paused'))
      expect(active.length).toBeGreaterThanOrEqual(2)
      const running = runState(runId, 'running')
      await call('training.resume', { jobId: runId })
      await running

      const ready = modelReady(runId)
      await call('training.stop', { jobId: runId })
      await ready
      const evaluation = await call('models.evaluation', { projectId: project.projectId, modelId: runId })
      const auto = evaluation.auto!
      expect(auto.candidates.map((c) => c.state)).toEqual(MODES.map(() => 'stopped'))
      const scores = auto.candidates.map((c) => c.validationMae)
      expect(scores.every((score) => score !== null && Number.isFinite(score))).toBe(true)
      expect(auto.chosen).toBe(lowestOf(auto.candidates))
      expect((await call('training.status', { jobId: runId })).state).toBe('stopped')
    },
  )

  it(
    'cancel discards every network: no model, the run is marked cancelled',
    { timeout: 180_000 },
    async () => {
      const { project, args } = await autoArgs(10_000, 0)
      const runId = 'auto-cancel'
      const training = jobsTraining([`${runId}-1`, `${runId}-2`])
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
    },
  )
})
