import path from 'node:path'
import type { ModelEvaluation } from '../../api/requests/models'
import type { TrainingStartArgs } from '../../api/requests/training'
import type { AutoChoice } from '../../api/requests/training-auto'
import { seriesLength, type Prepared, type SeriesInput } from '../../../worker/pipeline/index'
import type { EventBus } from '../event-bus'
import { saveModelFolder } from '../models'
import type { OpenProjects } from '../open-projects'
import { startRunFiles } from '../projects'
import type { ProjectSession } from '../projects'
import { writeJsonAtomic } from '../storage'
import type { TrainingService } from '../training/training-service'
import type { PreparedRun } from '../training/training-handlers'
import { datasetSeries, findDataset } from './dataset-series'
import { evaluationView } from './evaluation-view'
import { jobOutcome } from './job-outcome'
import type { Evaluator } from './evaluator'
import { prepareForRun } from './prepare-run'
import { poolWindows } from './training-windows'

export interface PendingRun {
  session: ProjectSession
  args: TrainingStartArgs
  series: SeriesInput
  prepared: Prepared
}

export const EVALUATION_FILE = 'evaluation.json'

/**
 * A training run from the user's point of view: the dataset becomes the pipeline's windows
 * (transforms fitted on the training part only), the pool trains them, and when the job
 * ends with weights worth keeping (completed, or stopped with the best so far) the model is
 * judged in the background and saved into the project as models/<runId>/.
 */
export class RunLifecycle {
  private readonly pending = new Map<string, PendingRun>()

  constructor(
    private readonly training: TrainingService,
    private readonly open: OpenProjects,
    private readonly evaluator: Evaluator,
    private readonly bus: EventBus,
    /** Opens a project folder again when its window closed it while the run was training. */
    private readonly reopen: (projectPath: string) => Promise<ProjectSession>,
  ) {}

  async prepareRun(args: TrainingStartArgs): Promise<PreparedRun> {
    const session = this.open.get(args.source.projectId)
    await session.assertWritable()
    const record = findDataset(session, args.source.datasetId)
    const series = await datasetSeries(session, record, args.source)
    const prepared = prepareForRun(series, args)
    const runId = args.runId ?? `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`
    if (!args.resume) {
      await session.addRun({ id: runId, status: 'running', config: { ...args } })
      await startRunFiles(session, runId, args)
    }
    this.pending.set(runId, { session, args, series, prepared })
    return { runId, windows: poolWindows(prepared), checkpointDir: await session.resolve(`runs/${runId}`) }
  }

  /** The job never started: forget it and mark its run failed. */
  async abandon(runId: string): Promise<void> {
    const run = this.pending.get(runId)
    this.pending.delete(runId)
    if (run && !run.args.resume)
      await run.session.updateRun(runId, { status: 'failed', ended: new Date().toISOString() })
  }

  /** Called once the job is queued: waits for its end in the background. */
  follow(runId: string): void {
    void this.finish(runId).catch((error: unknown) =>
      this.bus.publish('app.notice', {
        level: 'error',
        message: `Run ${runId} could not be saved as a model: ${error instanceof Error ? error.message : String(error)}`,
      }),
    )
  }

  private async finish(runId: string): Promise<void> {
    const run = this.pending.get(runId)
    if (!run) return
    const status = await this.training.finished(runId)
    this.pending.delete(runId)
    // The app is closing: the run stays "running" in the project, to be resumed from its checkpoint.
    if (status.state === 'interrupted') return
    if (run.session.isClosed) run.session = await this.reopen(run.session.path)
    const weights = this.training.weights(runId)
    const keep = (status.state === 'completed' || status.state === 'stopped') && weights !== null
    await run.session.updateRun(runId, {
      status: keep ? 'completed' : status.state === 'cancelled' ? 'cancelled' : 'failed',
      ended: new Date().toISOString(),
    })
    if (!keep || !weights) return
    const result = await this.evaluator.run({
      series: run.series,
      state: run.prepared.state,
      params: weights,
      outcome: jobOutcome(this.training, runId, status),
    })
    await this.saveModel(runId, run, result)
  }

  /** Saves a judged run as models/<runId>/ with its evaluation.json (and an Auto run's choice). */
  async saveModel(
    runId: string,
    run: PendingRun,
    result: Awaited<ReturnType<Evaluator['run']>>,
    auto?: AutoChoice,
  ): Promise<void> {
    const { session, args, series, prepared } = run
    const directory = await session.resolve(`models/${runId}`)
    const name = `${args.config.layers.map((l) => `${l.cell.toUpperCase()} ${l.units}`).join(' → ')} · ${args.source.targets.join(', ')}`
    const summary = { ...args.config, forecasting: args.forecasting, source: args.source }
    const judged = evaluationView(
      runId,
      name,
      series,
      result,
      summary,
      prepared.split.validation.start,
      prepared.split.test.start,
    )
    const view = auto ? { ...judged, auto } : judged
    await saveModelFolder(directory, result.model, {
      metrics: metricsFile(view),
      training: { ...summary, data: { rows: seriesLength(series) }, epochs: result.training },
    })
    await writeJsonAtomic(path.join(directory, EVALUATION_FILE), view)
    // The project's model list sums a model up by the target the Forecast screen opens on.
    const headline = view.targets[0].metrics.test
    await session.addModel({
      id: runId,
      name,
      runId,
      spec: { layers: args.config.layers.length, cell: args.config.layers[0]?.cell ?? 'lstm' },
      metrics: {
        testMae: finiteOrNull(headline.mae),
        testMase: headline.mase,
        testSmape: finiteOrNull(headline.smape),
      },
    })
    this.bus.publish('models.ready', { projectId: session.manifest.id, modelId: runId, runId })
  }
}

/** metrics.json: each target's scores and its baselines' by name, as the command line writes them. */
function metricsFile(view: ModelEvaluation) {
  return {
    targets: view.targets.map((target) => ({
      name: target.target,
      validation: target.metrics.validation,
      test: target.metrics.test,
      baselines: Object.fromEntries(target.baselines.map((baseline) => [baseline.name, baseline.test])),
    })),
  }
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}
