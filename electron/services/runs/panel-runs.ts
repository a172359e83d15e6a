import type { PanelTrainSettings } from '../../api/requests/panel'
import type { DatasetRecord } from '../../api/records'
import type { TrainingJobStatus } from '../../api/requests/training'
import type { PanelInput } from '../../../worker/panel/types'
import type { Frequency } from '../../../worker/timeseries/frequency'
import { TrainingCancelled } from '../../../worker/training/trainer'
import { loadProjectPanel, panelInputOf } from '../data/panel/project-panel'
import { checkPanelInputs } from '../data/panel/check-panel-inputs'
import type { EventBus } from '../event-bus'
import { findDataset } from '../forecasting/dataset-series'
import { savePanelModel } from '../models/panel/panel-model-folder'
import { panelResultsOf, writePanelResults } from '../models/panel/panel-results-file'
import type { OpenProjects } from '../open-projects'
import type { ProjectSession } from '../projects'
import { CodedError } from '../storage'
import { companionsOnPool } from '../training/companions-on-pool'
import { poolTrainer } from '../training/pool-trainer'
import type { TrainingService } from '../training/training-service'
import { defaultPanelHorizon, trainerFor, trainPanelModel, type PanelTraining } from './panel-training'
import { RunJobs } from './run-jobs'
import { RunRegistry, type RegisteredRun } from './run-registry'
import type { RunThread } from './run-thread'

export interface PanelTrainArgs {
  projectId: string
  datasetId: string
  horizon?: number
  seed?: number
  settings?: PanelTrainSettings
  runId?: string
}

type PanelAppRun = RegisteredRun

/**
 * Global models trained from the app: a panel run (judged on every series' last horizon, then
 * refitted on every point; runs/panel-training.ts, as the command line does) whose networks train
 * as jobs of the app's pool under the run's id. `training.*` reaches the run by that id, so the
 * Train screen draws its loss curves and pauses, stops or cancels it as it does a single run.
 * The panel run itself (windows, forecasting every series, the combination with ETS and Theta)
 * computes in the run thread, as a single run does, its ETS and Theta fitted on the pool's threads;
 * judging the test part against the baselines stays here.
 */
export class PanelRuns extends RunRegistry<PanelAppRun> {
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

  async start(args: PanelTrainArgs): Promise<TrainingJobStatus> {
    const session = this.open.get(args.projectId)
    await session.assertWritable()
    const record = findDataset(session, args.datasetId)
    const panel = await loadProjectPanel(session, record)
    const input = panelInputOf(panel)
    const horizon = args.horizon ?? defaultPanelHorizon(input.season ?? input.period)
    checkPanelInputs(panel.info, input.season ?? input.period, horizon, args.settings)
    // The test part holds out `horizon` points of every series: some series must keep a history.
    if (horizon >= panel.info.lengths.max)
      throw Object.assign(
        new CodedError(
          'INVALID_ARGUMENTS',
          `A horizon of ${horizon} leaves no history: the longest series of "${record.name}" has ${panel.info.lengths.max} points`,
        ),
        { field: 'horizon' },
      )
    const runId = args.runId ?? `panel-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`
    if (this.runs.has(runId) || session.manifest.runs.some((run) => run.id === runId))
      throw new CodedError('ALREADY_EXISTS', `There is already a run ${runId} in this project`)
    // `source.datasetId` as a single run records it: the dataset cannot be deleted while this run's model reads it.
    const { projectId, datasetId, ...settings } = args
    await session.addRun({
      id: runId,
      status: 'running',
      config: { kind: 'panel', source: { projectId, datasetId }, ...settings, horizon },
    })
    const jobs = new RunJobs(runId, this.training, this.bus)
    const trainer = poolTrainer(this.training, { run: jobs })
    const run: PanelAppRun = { jobs, session, done: Promise.resolve() }
    this.log(run, `started: global model on ${input.series.length} series, horizon ${horizon}`)
    const { backtestOrigins, ...overrides }: PanelTrainSettings = args.settings ?? { backtestOrigins: 0 }
    run.done = trainPanelModel(
      input,
      {
        keyNames: panel.info.keyNames,
        target: panel.info.valueNames[0] ?? 'value',
        frequency: panel.info.frequency,
      },
      { horizon, test: horizon, seed: args.seed, overrides, backtestOrigins },
      (part, options, stage) =>
        this.thread.panel(part, options, trainerFor(trainer, stage), companionsOnPool(this.training)),
      {
        onJudged: () =>
          this.log(
            run,
            backtestOrigins > 0
              ? `judged on the held-out part; backtesting ${backtestOrigins} origin(s)`
              : 'judged on the held-out part; training on every point',
          ),
        // A stop ends what is training; the backtest origins still to come are left untrained.
        keepBacktesting: () => jobs.requested !== 'stopped',
        onBacktestOrigin: (origin) =>
          this.log(
            run,
            origin.scores
              ? `backtest origin ${origin.origin}: OWA ${origin.scores.network.owa.toFixed(3)} on ${origin.series} series`
              : `backtest ${origin.note ?? `origin ${origin.origin}: not scored`}`,
          ),
        beforeFinalFit: (bestEpochs) => {
          if (backtestOrigins > 0) this.log(run, 'backtests done; training on every point')
          if (jobs.requested !== 'stopped') return
          // A stop while judging or backtesting ended those networks early. The final fit must still train, or nothing
          // could be saved: it trains for as many epochs as the earlier networks' best, as far as they got.
          jobs.requested = null
          return { epochs: Math.max(1, ...bestEpochs) }
        },
      },
    ).then(
      (training) => this.saved(run, record, input, panel.info.frequency, training),
      (error: unknown) => this.failed(run, error),
    )
    this.runs.set(runId, run)
    return jobs.status()
  }

  /** The app is closing: every run's pool jobs are interrupted by the caller; wait for the runs to settle. */
  async close(): Promise<void> {
    await this.settle()
  }

  /** The model folder, its Panel-screen results and the project's records; any failure fails the run. */
  private async saved(
    run: PanelAppRun,
    record: DatasetRecord,
    input: PanelInput,
    frequency: Frequency | null,
    training: PanelTraining,
  ): Promise<void> {
    const { jobs } = run
    const runId = jobs.runId
    const horizon = training.final.config.horizon
    try {
      if (run.session.isClosed) run.session = await this.reopen(run.session.path)
      const session = run.session
      const dir = await session.resolve(`models/${runId}`)
      await savePanelModel(dir, training.model)
      await writePanelResults(dir, panelResultsOf(runId, record.id, input, frequency, training))
      const network = training.judged?.evaluation.network
      await session.addModel({
        id: runId,
        name: `Global ${training.final.config.layers[0]?.cell.toUpperCase() ?? 'LSTM'} · ${record.name}`,
        runId,
        spec: {
          kind: 'panel',
          datasetId: record.id,
          series: input.series.length,
          lookback: training.final.config.lookback,
          horizon,
          layers: training.final.config.layers.length,
        },
        metrics: {
          smape: network && Number.isFinite(network.smape) ? network.smape : null,
          mase: network && Number.isFinite(network.mase) ? network.mase : null,
          owa: network && Number.isFinite(network.owa) ? network.owa : null,
        },
      })
      await session.updateRun(runId, { status: 'completed', ended: new Date().toISOString() })
      run.jobs.end(jobs.requested === 'stopped' ? 'stopped' : 'completed')
      this.log(run, `saved as models/${runId}`)
      this.bus.publish('models.ready', { projectId: session.manifest.id, modelId: runId, runId })
    } catch (error) {
      await this.failed(run, error)
    }
  }

  private async failed(run: PanelAppRun, error: unknown): Promise<void> {
    const runId = run.jobs.runId
    const message = error instanceof Error ? error.message : String(error)
    const cancelled = run.jobs.requested === 'cancelled' || error instanceof TrainingCancelled
    if (!run.session.isClosed)
      await run.session
        .updateRun(runId, { status: cancelled ? 'cancelled' : 'failed', ended: new Date().toISOString() })
        .catch(() => undefined)
    this.log(run, cancelled ? 'cancelled' : `failed: ${message}`)
    if (cancelled) return run.jobs.end('cancelled', 'Cancelled; nothing was saved')
    const reason = `Panel run ${runId} could not be completed and saved: ${message}`
    run.jobs.end('failed', reason)
    this.bus.publish('app.notice', { level: 'error', message: reason })
  }
}
