import type { ForecastRunResult, RunPlan, SeriesInput } from '../../../worker/pipeline/index'
import type { WorkerFiles } from '../index'
import type { EventSink } from '../training/job-events'
import { poolTrainer } from '../training/pool-trainer'
import { TrainingService } from '../training/training-service'
import { RunJobs } from './run-jobs'
import { RunThread } from './run-thread'

export interface PoolRunOptions {
  workers: WorkerFiles
  /** Threads of the training pool. */
  threads: number
  /** Every training event of the run's jobs (progress lines on the command line). */
  events: EventSink
}

/**
 * One forecasting run outside the app (the command line, the benchmarks): the same run thread
 * and the same pool as the app, started for this run and shut down after it.
 */
export async function forecastOnPool(
  series: SeriesInput,
  plan: RunPlan,
  options: PoolRunOptions,
): Promise<ForecastRunResult> {
  const training = new TrainingService({
    workerFilename: options.workers.train,
    execArgv: options.workers.execArgv,
    poolSize: options.threads,
    events: options.events,
  })
  const thread = new RunThread(options.workers.run, options.workers.execArgv)
  try {
    const run = new RunJobs('cli', training, options.events)
    return await thread.forecast(series, plan, poolTrainer(training, { run }))
  } finally {
    await training.dispose()
    await thread.dispose()
  }
}
