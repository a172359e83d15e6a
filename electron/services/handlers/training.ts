import type { Handlers } from '../../api/dispatch'
import { autoPlan } from '../forecasting/auto-plan'
import type { OpenProjects } from '../open-projects'
import type { AppRuns } from '../runs/app-runs'
import type { PanelRuns } from '../runs/panel-runs'
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
 * A panel run (`panel.train`, runs/panel-runs.ts) is reached the same way by its id.
 */
export function appTrainingHandlers(
  service: TrainingService,
  runs: AppRuns,
  open: OpenProjects,
  panelRuns?: PanelRuns,
): TrainingHandlers {
  const jobs = jobControlHandlers(service)
  const runsOf = (id: string): AppRuns | PanelRuns | null =>
    runs.has(id) ? runs : panelRuns?.has(id) ? panelRuns : null
  const either =
    <R>(run: (owner: AppRuns | PanelRuns, runId: string) => R, job: (args: JobArgs) => R) =>
    (args: JobArgs): R => {
      const owner = runsOf(args.jobId)
      return owner ? run(owner, args.jobId) : job(args)
    }
  return {
    ...jobs,
    'training.pause': either((owner, id) => owner.pause(id), jobs['training.pause']),
    'training.resume': either((owner, id) => owner.resume(id), jobs['training.resume']),
    'training.stop': either((owner, id) => owner.stop(id), jobs['training.stop']),
    'training.cancel': either((owner, id) => owner.cancel(id), jobs['training.cancel']),
    'training.status': either((owner, id) => owner.status(id), jobs['training.status']),
    'training.history': either((owner, id) => owner.history(id), jobs['training.history']),
    'training.list': () => {
      const owned = new Set([...runs.ownedJobIds(), ...(panelRuns?.ownedJobIds() ?? [])])
      return [
        ...service.list().filter((job) => !owned.has(job.jobId)),
        ...runs.list(),
        ...(panelRuns?.list() ?? []),
      ]
    },
    'training.autoPlan': (args) => autoPlan(open.get(args.projectId), args),
    'training.start': (args) => runs.start(args),
  }
}
