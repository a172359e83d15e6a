import type { TrainingJobStatus } from '../../api/requests/training'
import type { EvaluateTask } from '../../../worker/tasks/evaluate-worker'
import type { TrainingService } from '../training/training-service'

/** What a finished pool job tells the evaluator about its training: best epoch and loss curves. */
export function jobOutcome(
  training: TrainingService,
  jobId: string,
  status: TrainingJobStatus,
): EvaluateTask['outcome'] {
  const { epochs } = training.history(jobId)
  return {
    bestEpoch: status.bestEpoch ?? epochs.length - 1,
    epochsRun: epochs.length,
    trainLoss: epochs.map((epoch) => epoch.trainLoss),
    valLoss: epochs.map((epoch) => epoch.valLoss ?? Number.NaN),
  }
}
