import { access } from 'node:fs/promises'
import path from 'node:path'
import { startingWeights, untrainedOutcome } from '../../../worker/training/starting-weights'
import { describeRole } from '../../../worker/training/network-role'
import {
  TrainingCancelled,
  type Trainer,
  type TrainOutcome,
  type TrainRequest,
} from '../../../worker/training/trainer'
import type { RunJobs } from '../runs/run-jobs'
import { LAST_CHECKPOINT_FILE } from './checkpoint-format'
import type { TrainingService } from './training-service'

export interface PoolTrainerOptions {
  /** The run the jobs belong to (ids, roles, pause/stop/cancel of the whole run). */
  run: RunJobs
  /** Each job's checkpoint folder; none keeps nothing on disk. */
  checkpointDir?: (jobId: string) => Promise<string>
  /** Continue each job from its checkpoint (a run resumed after the app closed). */
  resume?: boolean
  /** Pool threads per job (default: as many as pay for themselves). */
  workers?: number
}

/**
 * The pipeline's Trainer on the multi-threaded pool: every network a run needs becomes a pool
 * job with live epochs, pause, stop and cancel. A stopped run's later networks train no epoch
 * (they keep their starting weights); a cancelled run ends with TrainingCancelled.
 */
export function poolTrainer(training: TrainingService, options: PoolTrainerOptions): Trainer {
  const { run } = options
  // Jobs join the pool's queue in the order the run asked for them, whatever order their
  // folders are made in: the first networks train first, and a resumed run repeats the order.
  let previous: Promise<unknown> = Promise.resolve()

  /** Makes the job's folder and queues it; false when the run was stopped meanwhile. */
  async function queueJob(jobId: string, request: TrainRequest): Promise<boolean> {
    const checkpointDir = await options.checkpointDir?.(jobId)
    const resume =
      options.resume === true && checkpointDir !== undefined && (await hasCheckpoint(checkpointDir))
    if (run.requested === 'cancelled') throw new TrainingCancelled()
    if (run.requested === 'stopped') return false
    training.start({
      jobId,
      role: request.role,
      settings: request.settings,
      workers: options.workers,
      windows: request.windows,
      initialParams: request.initialParams,
      scoreInitial: request.scoreInitial,
      checkpointDir,
      resume,
    })
    run.added(jobId, request.role)
    return true
  }

  return async (request) => {
    if (run.requested === 'cancelled') throw new TrainingCancelled()
    if (run.requested === 'stopped') return notTrained(request)
    const jobId = run.nextJobId()
    const queued = previous.then(() => queueJob(jobId, request))
    previous = queued.catch(() => undefined)
    if (!(await queued)) return notTrained(request)
    const status = await training.finished(jobId)
    const weights = training.weights(jobId)
    if (status.state === 'cancelled' || status.state === 'interrupted')
      throw new TrainingCancelled(status.message ?? `Training ${status.state}`)
    // Stopped while it waited for a thread: it never trained, like the networks asked for after the stop.
    if (!weights && status.state === 'stopped') return notTrained(request)
    if (!weights) throw new Error(status.message ?? `${describeRole(request.role)}: training failed`)
    const { epochs } = training.history(jobId)
    return {
      params: weights,
      bestEpoch: status.bestEpoch ?? -1,
      epochsRun: epochs.length,
      trainLoss: epochs.map((epoch) => epoch.trainLoss),
      valLoss: epochs.flatMap((epoch) => (epoch.valLoss === null ? [] : [epoch.valLoss])),
    } satisfies TrainOutcome
  }
}

/** A network the stop kept from training: its starting weights, marked skipped. */
function notTrained(request: Parameters<Trainer>[0]): TrainOutcome {
  const { spec, seed } = request.settings
  return untrainedOutcome(startingWeights(spec, seed, request.initialParams), true)
}

async function hasCheckpoint(dir: string): Promise<boolean> {
  return access(path.join(dir, LAST_CHECKPOINT_FILE)).then(
    () => true,
    () => false,
  )
}
