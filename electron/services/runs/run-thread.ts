import { MessageChannel } from 'node:worker_threads'
import { Piscina } from 'piscina'
import type { ForecastRunResult, RunPlan, SeriesInput } from '../../../worker/pipeline/index'
import type { DecayCurve } from '../../../worker/insight/gradient-flow'
import type { ModelWindowTrace } from '../../../worker/insight/model-trace'
import { serveTrainer } from '../../../worker/training/port-trainer'
import type { Trainer } from '../../../worker/training/trainer'
import type { PanelRunOptions, PanelRunResult } from '../../../worker/panel/panel-run'
import type { PanelInput } from '../../../worker/panel/types'
import type { CompanionWorkers } from '../../../worker/panel/companion-forecasts'
import { serveCompanions } from '../../../worker/panel/companions-port'
import type { CompareTask, PanelRunTask, TraceTask } from '../../../worker/tasks/run-worker'

/**
 * The background threads that compute forecasting runs (worker/tasks/run-worker.ts) and replay
 * windows for "inside the cell". A run's networks train wherever `trainer` says (the pool):
 * its requests come back to this thread over a port.
 */
export class RunThread {
  private readonly pool: Piscina

  constructor(workerFilename: string, execArgv?: string[]) {
    this.pool = new Piscina({
      filename: workerFilename,
      minThreads: 0,
      // Two runs at once (e.g. the app and a resumed run); their networks share the training pool.
      maxThreads: 2,
      idleTimeout: 30_000,
      execArgv,
    })
  }

  async forecast(series: SeriesInput, plan: RunPlan, trainer: Trainer): Promise<ForecastRunResult> {
    const { port1, port2 } = new MessageChannel()
    serveTrainer(port1, trainer)
    try {
      return (await this.pool.run(
        { series, plan, port: port2 },
        { transferList: [port2] },
      )) as ForecastRunResult
    } finally {
      port1.close()
    }
  }

  /** A panel run: its global network's members train, and its ETS and Theta are fitted, where `trainer` and `companions` say (the pool). */
  async panel(
    input: PanelInput,
    options: Omit<PanelRunOptions, 'trainer' | 'onEpoch' | 'companions'>,
    trainer: Trainer,
    companions: CompanionWorkers,
  ): Promise<PanelRunResult> {
    const { port1, port2 } = new MessageChannel()
    // One port carries both kinds of call, each on its own channel.
    serveTrainer(port1, trainer)
    serveCompanions(port1, companions)
    try {
      const task: PanelRunTask = { input, options, port: port2 }
      return (await this.pool.run(task, { name: 'panelRun', transferList: [port2] })) as PanelRunResult
    } finally {
      port1.close()
    }
  }

  trace(task: TraceTask): Promise<ModelWindowTrace> {
    return this.pool.run(task, { name: 'traceWindow' }) as Promise<ModelWindowTrace>
  }

  compare(task: CompareTask): Promise<DecayCurve[]> {
    return this.pool.run(task, { name: 'compareCells' }) as Promise<DecayCurve[]>
  }

  dispose(): Promise<void> {
    return this.pool.destroy()
  }
}
