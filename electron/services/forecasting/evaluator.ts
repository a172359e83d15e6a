import { Piscina } from 'piscina'
import type {
  CandidateJudgement,
  CompareTask,
  EvaluateTask,
  Evaluated,
  TraceTask,
} from '../../../worker/tasks/evaluate-worker'
import type { GradientFlowCurve } from '../../../worker/insight/gradient-flow'
import type { ModelWindowTrace } from '../../../worker/insight/model-trace'

/** One background thread that judges finished runs and replays windows for "inside the cell" (see worker/tasks/evaluate-worker.ts). */
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

  run(task: EvaluateTask): Promise<Evaluated> {
    return this.pool.run(task) as Promise<Evaluated>
  }

  /** An Auto candidate's validation score (and residual share), without the slow test-side work. */
  judge(task: EvaluateTask): Promise<CandidateJudgement> {
    return this.pool.run(task, { name: 'judgeCandidate' }) as Promise<CandidateJudgement>
  }

  trace(task: TraceTask): Promise<ModelWindowTrace> {
    return this.pool.run(task, { name: 'traceWindow' }) as Promise<ModelWindowTrace>
  }

  compare(task: CompareTask): Promise<GradientFlowCurve[]> {
    return this.pool.run(task, { name: 'compareCells' }) as Promise<GradientFlowCurve[]>
  }

  dispose(): Promise<void> {
    return this.pool.destroy()
  }
}
