import { Piscina } from 'piscina'
import type { EvaluateTask } from '../../../worker/tasks/evaluate-worker'
import type { PipelineResult } from '../../../worker/pipeline/index'

/** One background thread that judges finished runs (see worker/tasks/evaluate-worker.ts). */
export class Evaluator {
  private readonly pool: Piscina

  constructor(workerFilename: string, execArgv?: string[]) {
    this.pool = new Piscina({
      filename: workerFilename,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 30_000,
      execArgv,
    })
  }

  run(task: EvaluateTask): Promise<PipelineResult> {
    return this.pool.run(task) as Promise<PipelineResult>
  }

  dispose(): Promise<void> {
    return this.pool.destroy()
  }
}
