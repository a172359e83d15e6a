import type { Handlers } from '../../api/dispatch'
import type { TrainingJobStatus, TrainingStartArgs } from '../../api/requests/training'
import { autoPlan } from '../forecasting/auto-plan'
import type { AutoRuns } from '../forecasting/auto-run'
import type { RunLifecycle } from '../forecasting/run-lifecycle'
import type { OpenProjects } from '../open-projects'
import { jobControlHandlers } from '../training/training-handlers'
import type { TrainingService } from '../training/training-service'

type TrainingHandlers = Pick<
  Handlers,
  | 'training.start'
  | 'training.autoPlan'
  | 'training.pause'
  | 'training.resume'
  | 'training.stop'
  | 'training.cancel'
  | 'training.status'
  | 'training.list'
  | 'training.history'
>

type JobArgs = { jobId: string }

/**
 * The pool's job control, with runs prepared from project datasets and saved as models when
 * they end. An Auto run (targetMode 'auto') is two pool jobs under the run's id: requests that
 * name the run reach both candidates (auto-run.ts).
 */
export function appTrainingHandlers(
  service: TrainingService,
  runs: RunLifecycle,
  autoRuns: AutoRuns,
  open: OpenProjects,
): TrainingHandlers {
  const jobs = jobControlHandlers(service)
  const either =
    <R>(auto: (runId: string) => R, job: (args: JobArgs) => R) =>
    (args: JobArgs): R =>
      autoRuns.has(args.jobId) ? auto(args.jobId) : job(args)
  return {
    ...jobs,
    'training.pause': either((id) => autoRuns.pause(id), jobs['training.pause']),
    'training.resume': either((id) => autoRuns.resume(id), jobs['training.resume']),
    'training.stop': either((id) => autoRuns.stop(id), jobs['training.stop']),
    'training.cancel': either((id) => autoRuns.cancel(id), jobs['training.cancel']),
    'training.status': either((id) => autoRuns.status(id), jobs['training.status']),
    'training.history': either(
      (id) => ({ status: autoRuns.status(id), states: [], epochs: [], lastProgress: null }),
      jobs['training.history'],
    ),
    'training.list': () => {
      const candidates = autoRuns.candidateJobIds()
      const single = service.list().filter((job) => !candidates.has(job.jobId))
      return [...single, ...autoRuns.list()]
    },
    'training.autoPlan': (args) => autoPlan(open.get(args.projectId), args),
    'training.start': (args) =>
      args.forecasting.targetMode === 'auto' ? autoRuns.start(args) : startSingle(args),
  }

  async function startSingle(args: TrainingStartArgs): Promise<TrainingJobStatus> {
    const run = await runs.prepareRun(args)
    try {
      const status = service.start({
        jobId: run.runId,
        config: args.config,
        windows: run.windows,
        checkpointDir: run.checkpointDir,
        resume: args.resume,
      })
      runs.follow(status.jobId)
      return status
    } catch (error) {
      // The pool refused the job: the run recorded a moment ago must not stay "running".
      await runs.abandon(run.runId)
      throw error
    }
  }
}
