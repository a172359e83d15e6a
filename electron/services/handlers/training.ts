import type { Handlers } from '../../api/dispatch'
import { autoPlan } from '../forecasting/auto-plan'
import type { OpenProjects } from '../open-projects'
import type { AppRuns } from '../runs/app-runs'
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
 * Training from the app: `training.start` starts a run (runs/app-runs.ts), whose id stands for
 * all its pool jobs; a job id (one network of a run) reaches that job alone, e.g. for its history.
 */
export function appTrainingHandlers(
  service: TrainingService,
  runs: AppRuns,
  open: OpenProjects,
): TrainingHandlers {
  const jobs = jobControlHandlers(service)
  const either =
    <R>(run: (runId: string) => R, job: (args: JobArgs) => R) =>
    (args: JobArgs): R =>
      runs.has(args.jobId) ? run(args.jobId) : job(args)
  return {
    ...jobs,
    'training.pause': either((id) => runs.pause(id), jobs['training.pause']),
    'training.resume': either((id) => runs.resume(id), jobs['training.resume']),
    'training.stop': either((id) => runs.stop(id), jobs['training.stop']),
    'training.cancel': either((id) => runs.cancel(id), jobs['training.cancel']),
    'training.status': either((id) => runs.status(id), jobs['training.status']),
    'training.history': either((id) => runs.history(id), jobs['training.history']),
    'training.list': () => {
      const owned = runs.ownedJobIds()
      return [...service.list().filter((job) => !owned.has(job.jobId)), ...runs.list()]
    },
    'training.autoPlan': (args) => autoPlan(open.get(args.projectId), args),
    'training.start': (args) => runs.start(args),
  }
}
