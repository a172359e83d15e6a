import type { Handlers } from '../../api/dispatch'
import type { RunLifecycle } from '../forecasting/run-lifecycle'
import { jobControlHandlers } from '../training/training-handlers'
import type { TrainingService } from '../training/training-service'

type TrainingHandlers = Pick<
  Handlers,
  | 'training.start'
  | 'training.pause'
  | 'training.resume'
  | 'training.stop'
  | 'training.cancel'
  | 'training.status'
  | 'training.list'
  | 'training.history'
>

/** The pool's job control, with runs prepared from project datasets and saved as models when they end. */
export function appTrainingHandlers(service: TrainingService, runs: RunLifecycle): TrainingHandlers {
  return {
    ...jobControlHandlers(service),
    'training.start': async (args) => {
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
    },
  }
}
