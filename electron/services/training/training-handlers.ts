import type { TrainingHistory, TrainingJobStatus, TrainingStartArgs } from '../../api/requests/training'
import type { TrainingService } from './training-service'
import type { TrainingWindows } from './training-windows'

/** What the app resolves a `training.start` source into: the windows and the run folder. */
export interface PreparedRun {
  runId: string
  windows: TrainingWindows
  /** runs/<id>/ of the project (created by the project store). */
  checkpointDir: string
}

/** Windowing and run-folder creation belong to the data and project services; the app supplies them. */
export type PrepareRun = (args: TrainingStartArgs) => Promise<PreparedRun>

type JobArgs = { jobId: string }

/** Handlers of the `training.*` requests, to spread into the app's Handlers. */
export function trainingHandlers(service: TrainingService, prepareRun: PrepareRun) {
  return {
    'training.start': async (args: TrainingStartArgs): Promise<TrainingJobStatus> => {
      const run = await prepareRun(args)
      return service.start({
        jobId: run.runId,
        config: args.config,
        windows: run.windows,
        checkpointDir: run.checkpointDir,
        resume: args.resume,
      })
    },
    'training.pause': ({ jobId }: JobArgs): TrainingJobStatus => service.pause(jobId),
    'training.resume': ({ jobId }: JobArgs): TrainingJobStatus => service.resume(jobId),
    'training.stop': ({ jobId }: JobArgs): TrainingJobStatus => service.stop(jobId),
    'training.cancel': ({ jobId }: JobArgs): TrainingJobStatus => service.cancel(jobId),
    'training.status': ({ jobId }: JobArgs): TrainingJobStatus => service.status(jobId),
    'training.list': (): TrainingJobStatus[] => service.list(),
    'training.history': ({ jobId }: JobArgs): TrainingHistory => service.history(jobId),
  }
}
