import runTrainingTask from '../tasks/train-worker'
import type { WorkerResult, WorkerTask } from '../tasks/task-types'
import { runEpochs } from './epoch-loop'
import { jobBuffersFor } from './job-buffers'
import { JobTasks, type TaskPool } from './job-tasks'
import { ShardedTrainer } from './sharded-trainer'
import type { Trainer, TrainOutcome } from './trainer'

/** The pool's task entry, called in this thread: the same shards, computed here one after another. */
const thisThread: TaskPool = {
  run: (task: WorkerTask): Promise<WorkerResult> => runTrainingTask(task),
}

let jobs = 0

/**
 * Trains in the calling thread with exactly the loop and steps the pool runs, so its weights
 * equal a pool job's bit for bit. For tests, tiny jobs and places without a pool.
 */
export const inProcessTrainer: Trainer = async (request) => {
  const { settings, windows } = request
  const buffers = jobBuffersFor(settings, windows)
  const tasks = new JobTasks(thisThread, `in-process-${++jobs}`, buffers.memory, 1)
  const trainer = new ShardedTrainer({ settings, buffers, tasks, initialParams: request.initialParams })
  if (request.scoreInitial) await trainer.scoreStart()
  await runEpochs(trainer, {
    clock: () => performance.now(),
    onEpoch: (record, best) =>
      request.onEpoch?.({ epoch: record.epoch, trainLoss: record.trainLoss, valLoss: record.valLoss, best }),
  })
  trainer.restoreBest()
  return {
    params: Float32Array.from(trainer.params),
    bestEpoch: trainer.best.bestEpoch ?? -1,
    epochsRun: trainer.history.length,
    trainLoss: trainer.history.map((record) => record.trainLoss),
    valLoss: trainer.history.flatMap((record) => (record.valLoss === null ? [] : [record.valLoss])),
  } satisfies TrainOutcome
}
