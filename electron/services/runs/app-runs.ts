import { mkdir } from 'node:fs/promises'
import type { TrainingJobStatus, TrainingStartArgs } from '../../api/requests/training'
import { seriesLength, type SeriesInput } from '../../../worker/pipeline/index'
import { TrainingCancelled } from '../../../worker/training/trainer'
import type { EventBus } from '../event-bus'
import { datasetSeries, findDataset } from '../forecasting/dataset-series'
import type { OpenProjects } from '../open-projects'
import { startRunFiles, type ProjectSession } from '../projects'
import { describeRole } from '../../../worker/training/network-role'
import { CodedError } from '../storage'
import { poolTrainer } from '../training/pool-trainer'
import type { TrainingService } from '../training/training-service'
import { RunJobs } from './run-jobs'
import { RunRegistry, type RegisteredRun } from './run-registry'
import { runPlanOf } from './run-plan'
import type { RunThread } from './run-thread'
import { saveRunModel } from './save-model'

/** Room for the job number behind a run id: a job id is at most 64 characters. */
const MAX_RUN_ID = 56

interface AppRun extends RegisteredRun {
  args: TrainingStartArgs
  series: SeriesInput
}

/**
 * The app's training runs, from the Train button to a saved model. A run is the pipeline's
 * forecasting run (worker/pipeline/forecast-run.ts: train with a holdout, judge, refit on all
 * the data, forecast ahead), computed in the run thread, its networks trained as pool jobs
 * under the run's id. The command line runs exactly the same computation (electron/cli/train.ts).
 */
export class AppRuns extends RunRegistry<AppRun> {
  private closing = false

  constructor(
    private readonly training: TrainingService,
    private readonly thread: RunThread,
    private readonly open: OpenProjects,
    private readonly bus: EventBus,
    /** Opens a project folder again when its window closed it while the run was training. */
    private readonly reopen: (projectPath: string) => Promise<ProjectSession>,
  ) {
    super(bus)
  }

  async start(args: TrainingStartArgs): Promise<TrainingJobStatus> {
    const session = this.open.get(args.source.projectId)
    await session.assertWritable()
    const series = await datasetSeries(session, findDataset(session, args.source.datasetId), args.source)
    const plan = runPlanOf(args, series)
    const runId = args.runId ?? `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`
    if (runId.length > MAX_RUN_ID)
      throw new CodedError('INVALID_ARGUMENT', `runId is too long (at most ${MAX_RUN_ID} characters)`)
    if (this.runs.get(runId)?.jobs.status().state === 'running')
      throw new CodedError('ALREADY_RUNNING', `Run ${runId} is already training`)
    if (!args.resume) {
      await session.addRun({ id: runId, status: 'running', config: { ...args } })
      await startRunFiles(session, runId, args)
    }
    const jobs = new RunJobs(runId, this.training, this.bus)
    const trainer = poolTrainer(this.training, {
      run: jobs,
      resume: args.resume,
      checkpointDir: async (jobId) => {
        const dir = await session.resolve(`runs/${runId}/${jobId}`)
        await mkdir(dir, { recursive: true })
        return dir
      },
    })
    const run: AppRun = { jobs, session, args, series, done: Promise.resolve() }
    this.log(
      run,
      `${args.resume ? 'resumed' : 'started'}: ${plan.preset === 'auto' ? 'Auto' : 'one configuration'}, ${seriesLength(series)} rows`,
    )
    jobs.onAdded = (jobId, role) => this.log(run, `network ${jobId} (${describeRole(role)}) queued`)
    run.done = this.thread.forecast(series, plan, trainer).then(
      (result) => this.saved(run, result),
      (error: unknown) => this.failed(run, error),
    )
    this.runs.set(runId, run)
    return jobs.status()
  }

  /**
   * The app is closing: the pool interrupts every job (checkpoints kept), and the runs stay
   * "running" in their projects, to be resumed from those checkpoints after a restart.
   */
  async close(interrupt: () => Promise<void>): Promise<void> {
    this.closing = true
    // Interrupting stops the pool's jobs and ends the run thread's work in progress (a run may be
    // judging or fitting baselines between two networks): nothing holds the app open.
    await interrupt()
    await this.settle()
  }

  private async sessionOf(run: AppRun): Promise<ProjectSession> {
    if (run.session.isClosed) run.session = await this.reopen(run.session.path)
    return run.session
  }

  private async saved(run: AppRun, result: Awaited<ReturnType<RunThread['forecast']>>): Promise<void> {
    const runId = run.jobs.runId
    try {
      const session = await this.sessionOf(run)
      const stopped = run.jobs.requested === 'stopped'
      await saveRunModel(runId, { session, args: run.args, series: run.series, result, stopped })
      await session.updateRun(runId, { status: 'completed', ended: new Date().toISOString() })
      run.jobs.end(stopped ? 'stopped' : 'completed')
      this.log(run, `saved as models/${runId}${stopped ? ' (stopped early)' : ''}`)
      this.bus.publish('models.ready', { projectId: session.manifest.id, modelId: runId, runId })
    } catch (error) {
      await this.failed(run, error)
    }
  }

  private async failed(run: AppRun, error: unknown): Promise<void> {
    const runId = run.jobs.runId
    const message = error instanceof Error ? error.message : String(error)
    // Closing: the run stays "running" in the project, resumable from its jobs' checkpoints.
    if (this.closing) {
      this.log(run, 'interrupted: the app closed; resume continues from the checkpoints')
      return run.jobs.end('interrupted', message)
    }
    // The error crossed the run thread's boundary as a plain Error: the run's own request says it was a cancel.
    const cancelled = run.jobs.requested === 'cancelled' || error instanceof TrainingCancelled
    const session = await this.sessionOf(run).catch(() => null)
    await session
      ?.updateRun(runId, { status: cancelled ? 'cancelled' : 'failed', ended: new Date().toISOString() })
      .catch(() => undefined)
    this.log(run, cancelled ? 'cancelled' : `failed: ${message}`)
    if (cancelled) return run.jobs.end('cancelled', 'Cancelled; nothing was saved')
    const reason = `Run ${runId} could not be completed and saved: ${message}`
    run.jobs.end('failed', reason)
    this.bus.publish('app.notice', { level: 'error', message: reason })
  }
}
