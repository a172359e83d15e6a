import type { Handlers } from '../../api/dispatch'
import type { RunLifecycle } from '../forecasting/run-lifecycle'
import { trainingHandlers } from '../training/training-handlers'
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
  const handlers = trainingHandlers(service, (args) => runs.prepareRun(args))
  return {
    ...handlers,
    'training.start': async (args) => {
      const status = await handlers['training.start'](args)
      runs.follow(status.jobId)
      return status
    },
  }
}
