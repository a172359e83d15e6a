import { mkdir } from 'node:fs/promises'
import { LIMITS } from '../../api/requests/common'
import type { TrainingJobStatus, TrainingStartArgs, TrainingState } from '../../api/requests/training'
import type { CandidateMode } from '../../api/requests/training-auto'
import type { Prepared, SeriesInput } from '../../../worker/pipeline/index'
import type { EventBus } from '../event-bus'
import type { OpenProjects } from '../open-projects'
import { startRunFiles } from '../projects'
import type { ProjectSession } from '../projects'
import { CodedError } from '../storage'
import type { TrainingService } from '../training/training-service'
import { autoRunStatus, combinedState } from './auto-status'
import { chooseCandidate } from './auto-choice'
import { datasetSeries, findDataset } from './dataset-series'
import type { Evaluator } from './evaluator'
import { prepareForRun } from './prepare-run'
import type { RunLifecycle } from './run-lifecycle'
import { poolWindows } from './training-windows'

export interface AutoCandidateRun {
  mode: CandidateMode
  jobId: string
  prepared: Prepared
}

export interface AutoRun {
  runId: string
  session: ProjectSession
  args: TrainingStartArgs
  series: SeriesInput
  candidates: AutoCandidateRun[]
  /** What the user asked for the run as a whole; cancel discards both candidates. */
  requested: 'stopped' | 'cancelled' | null
  lastState: TrainingState
}

const MODES: CandidateMode[] = ['level', 'seasonalResidual']
const SUFFIX: Record<CandidateMode, string> = { level: 'level', seasonalResidual: 'residual' }
const MAX_JOB_ID = LIMITS.idLength
const WAITING: TrainingJobStatus = {
  jobId: '',
  state: 'queued',
  epoch: 0,
  epochs: 0,
  bestEpoch: null,
  bestLoss: null,
  workers: 0,
  backend: null,
  checkpointDir: null,
}

/**
 * `targetMode: 'auto'` from the app: the same network trained as two pool jobs, on levels and on
 * the seasonal-naive residual, side by side or one after the other as the pool's size decides.
 * The run's id stands for both: pause, resume, stop and cancel apply to each candidate, and a
 * `training.state` event with the run's id follows their combined state. When both have ended
 * the evaluator judges them on validation (auto-choice.ts) and the better one becomes the model.
 */
export class AutoRuns {
  private readonly runs = new Map<string, AutoRun>()

  constructor(
    private readonly training: TrainingService,
    private readonly open: OpenProjects,
    private readonly evaluator: Evaluator,
    private readonly bus: EventBus,
    private readonly lifecycle: RunLifecycle,
    private readonly reopen: (projectPath: string) => Promise<ProjectSession>,
  ) {
    // A listener that throws is dropped by the bus, so a state that cannot be read is skipped.
    bus.subscribe((name, payload) => {
      if (name !== 'training.state') return
      try {
        this.onCandidateState((payload as { jobId: string }).jobId)
      } catch (error) {
        bus.publish('app.notice', { level: 'error', message: `Auto run state: ${String(error)}` })
      }
    })
  }

  has(jobId: string): boolean {
    return this.runs.has(jobId)
  }

  /** Every candidate job id of every Auto run (hidden from `training.list`, which shows the runs). */
  candidateJobIds(): Set<string> {
    return new Set([...this.runs.values()].flatMap((run) => run.candidates.map((c) => c.jobId)))
  }

  async start(args: TrainingStartArgs): Promise<TrainingJobStatus> {
    const session = this.open.get(args.source.projectId)
    await session.assertWritable()
    const series = await datasetSeries(session, findDataset(session, args.source.datasetId), args.source)
    const runId = args.runId ?? `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`
    const candidates = MODES.map((mode) => candidateOf(runId, mode, series, args))
    if (!args.resume) {
      await session.addRun({ id: runId, status: 'running', config: { ...args } })
      await startRunFiles(session, runId, args)
    }
    const run: AutoRun = { runId, session, args, series, candidates, requested: null, lastState: 'queued' }
    this.forgetRunsWithoutJobs()
    this.runs.set(runId, run)
    try {
      for (const candidate of candidates) await this.startCandidate(run, candidate)
    } catch (error) {
      // The pool refused a candidate: the other must not train alone and the run must not stay "running".
      this.endCandidates(run, 'cancelled')
      this.runs.delete(runId)
      if (!args.resume) await session.updateRun(runId, { status: 'failed', ended: new Date().toISOString() })
      throw error
    }
    void this.finish(run).catch((error: unknown) =>
      this.bus.publish('app.notice', {
        level: 'error',
        message: `Auto run ${runId} could not be saved as a model: ${error instanceof Error ? error.message : String(error)}`,
      }),
    )
    return this.status(runId)
  }

  pause(runId: string): TrainingJobStatus {
    const run = this.run(runId)
    const running = this.candidatesIn(run, ['running'])
    if (running.length === 0)
      throw new CodedError('NOT_RUNNING', `Auto run ${runId} has no candidate running`)
    for (const candidate of running) this.training.pause(candidate.jobId)
    return this.status(runId)
  }

  resume(runId: string): TrainingJobStatus {
    const run = this.run(runId)
    for (const candidate of this.candidatesIn(run, ['paused'])) this.training.resume(candidate.jobId)
    return this.status(runId)
  }

  /** Both candidates end keeping their best weights; the run still chooses between them. */
  stop(runId: string): TrainingJobStatus {
    return this.end(runId, 'stopped')
  }

  /** Both candidates end and nothing is kept. */
  cancel(runId: string): TrainingJobStatus {
    return this.end(runId, 'cancelled')
  }

  list(): TrainingJobStatus[] {
    return [...this.runs.keys()].map((runId) => this.status(runId))
  }

  status(runId: string): TrainingJobStatus {
    const run = this.run(runId)
    const candidates = run.candidates.map((c) => ({ mode: c.mode, status: this.candidateStatus(c.jobId) }))
    return autoRunStatus(runId, candidates, run.requested)
  }

  /** The pool forgets old finished jobs (MAX_FINISHED_JOBS_KEPT); their Auto runs go with them. */
  private forgetRunsWithoutJobs(): void {
    const known = new Set(this.training.list().map((job) => job.jobId))
    for (const run of [...this.runs.values()])
      if (run.candidates.some((candidate) => !known.has(candidate.jobId))) this.runs.delete(run.runId)
  }

  /** A candidate the pool has not been given yet (the first is being queued) is still waiting. */
  private candidateStatus(jobId: string): TrainingJobStatus {
    const known = this.training.list().find((job) => job.jobId === jobId)
    return known ?? { ...WAITING, jobId }
  }

  private run(runId: string): AutoRun {
    const run = this.runs.get(runId)
    if (!run) throw new CodedError('NOT_FOUND', `No Auto run ${runId}`)
    return run
  }

  private async startCandidate(run: AutoRun, candidate: AutoCandidateRun): Promise<void> {
    const checkpointDir = await run.session.resolve(`runs/${run.runId}/${SUFFIX[candidate.mode]}`)
    await mkdir(checkpointDir, { recursive: true })
    this.training.start({
      jobId: candidate.jobId,
      config: run.args.config,
      windows: poolWindows(candidate.prepared),
      checkpointDir,
      resume: run.args.resume,
    })
  }

  private candidatesIn(run: AutoRun, states: TrainingState[]): AutoCandidateRun[] {
    return run.candidates.filter((candidate) => states.includes(this.candidateStatus(candidate.jobId).state))
  }

  private end(runId: string, state: 'stopped' | 'cancelled'): TrainingJobStatus {
    const run = this.run(runId)
    if (run.requested !== 'cancelled') run.requested = state
    this.endCandidates(run, state)
    return this.status(runId)
  }

  private endCandidates(run: AutoRun, state: 'stopped' | 'cancelled'): void {
    for (const candidate of this.candidatesIn(run, ['queued', 'running', 'paused'])) {
      if (state === 'stopped') this.training.stop(candidate.jobId)
      else this.training.cancel(candidate.jobId)
    }
  }

  /** Republishes the combined state under the run's id whenever a candidate's change alters it. */
  private onCandidateState(jobId: string): void {
    const run = [...this.runs.values()].find((r) => r.candidates.some((c) => c.jobId === jobId))
    if (!run) return
    const statuses = run.candidates.map((c) => this.candidateStatus(c.jobId))
    const state = combinedState(
      statuses.map((status) => status.state),
      run.requested,
    )
    if (state === run.lastState) return
    run.lastState = state
    const message = statuses.find((status) => status.jobId === jobId)?.message
    this.bus.publish('training.state', { jobId: run.runId, state, ...(message ? { message } : {}) })
  }

  private async finish(run: AutoRun): Promise<void> {
    const statuses = await Promise.all(run.candidates.map((c) => this.training.finished(c.jobId)))
    // The app is closing: the run stays "running" in the project, to be resumed from its checkpoints.
    if (statuses.some((status) => status.state === 'interrupted')) return
    if (run.session.isClosed) run.session = await this.reopen(run.session.path)
    const choice =
      run.requested === 'cancelled'
        ? null
        : await chooseCandidate(this.training, this.evaluator, run.series, run.candidates, statuses)
    const state = combinedState(
      statuses.map((status) => status.state),
      run.requested,
    )
    await run.session.updateRun(run.runId, {
      status: choice ? 'completed' : state === 'cancelled' ? 'cancelled' : 'failed',
      ended: new Date().toISOString(),
    })
    if (!choice) return
    const { winner, auto } = choice
    const args = { ...run.args, forecasting: { ...run.args.forecasting, targetMode: winner.mode } }
    const result = await this.evaluator.run(winner.task)
    const pending = { session: run.session, args, series: run.series, prepared: winner.prepared }
    await this.lifecycle.saveModel(run.runId, pending, result, auto)
  }
}

function candidateOf(
  runId: string,
  mode: CandidateMode,
  series: SeriesInput,
  args: TrainingStartArgs,
): AutoCandidateRun {
  const jobId = `${runId}-${SUFFIX[mode]}`
  if (jobId.length > MAX_JOB_ID)
    throw new CodedError(
      'INVALID_ARGUMENT',
      `runId is too long for an Auto run (at most ${MAX_JOB_ID - 9} characters)`,
    )
  const forecasting = { ...args.forecasting, targetMode: mode }
  const prepared = prepareForRun(series, { ...args, forecasting })
  return { mode, jobId, prepared }
}
