import { runPanel, type PanelRunOptions, type PanelRunResult } from '../../../worker/panel/panel-run'
import type { PanelInput } from '../../../worker/panel/types'
import { companionsOnPool } from '../training/companions-on-pool'
import { poolTrainer } from '../training/pool-trainer'
import { TrainingService } from '../training/training-service'
import type { PoolRunOptions } from './pool-run'
import { trainerFor, type RunStage } from './panel-training'
import { RunJobs } from './run-jobs'

/**
 * A panel run outside the app (the command line, the benchmark): the global network's members
 * train as jobs of the same pool as single-series runs, and ETS and Theta are fitted on its threads;
 * preparing windows and forecasting stay in this thread (a fraction of a second per thousand series).
 */
export async function panelOnPool(
  panel: PanelInput,
  run: Omit<PanelRunOptions, 'trainer'>,
  options: Omit<PoolRunOptions, 'workers'> & { workers: PoolRunOptions['workers'] },
  /** How the networks are named beside their loss curves (a backtest origin, the final fit). */
  stage?: RunStage,
): Promise<PanelRunResult> {
  const training = new TrainingService({
    workerFilename: options.workers.train,
    execArgv: options.workers.execArgv,
    poolSize: options.threads,
    events: options.events,
  })
  try {
    const jobs = new RunJobs('panel', training, options.events)
    return await runPanel(panel, {
      ...run,
      trainer: trainerFor(poolTrainer(training, { run: jobs }), stage),
      companions: companionsOnPool(training),
    })
  } finally {
    await training.dispose()
  }
}
