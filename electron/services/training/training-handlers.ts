import type { TrainingHistory, TrainingJobStatus } from '../../api/requests/training'
import type { TrainingService } from './training-service'

type JobArgs = { jobId: string }

/**
 * Handlers of the job-control requests (`training.pause` … `training.history`). Starting a
 * job needs a dataset turned into windows and a run folder, which belong to the data and
 * project services: the app's `training.start` lives with them (services/handlers/training.ts).
 */
export function jobControlHandlers(service: TrainingService) {
  return {
    'training.pause': ({ jobId }: JobArgs): TrainingJobStatus => service.pause(jobId),
    'training.resume': ({ jobId }: JobArgs): TrainingJobStatus => service.resume(jobId),
    'training.stop': ({ jobId }: JobArgs): TrainingJobStatus => service.stop(jobId),
    'training.cancel': ({ jobId }: JobArgs): TrainingJobStatus => service.cancel(jobId),
    'training.status': ({ jobId }: JobArgs): TrainingJobStatus => service.status(jobId),
    'training.list': (): TrainingJobStatus[] => service.list(),
    'training.history': ({ jobId }: JobArgs): TrainingHistory => service.history(jobId),
  }
}
