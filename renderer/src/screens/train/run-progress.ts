import type { TrainingProgressEvent, TrainingState } from '../../../../electron/api/requests/training'

/** One network of a run as the progress counts it: its configured epochs and those it has trained. */
export interface NetworkProgress {
  jobId: string
  state: TrainingState
  /** Epochs done according to the last status the services sent. */
  epoch: number
  epochs: number
  /** Epochs done according to the epoch events received since (fresher than `epoch`). */
  liveEpochs: number
}

export interface RunProgressInput {
  state: TrainingState | null
  /** The configured epochs of a run with no separate networks. */
  epochs: number
  /** Epochs that run has reported (its epoch events). */
  epochsDone: number
  progress: TrainingProgressEvent | null
  networks: NetworkProgress[]
}

export interface RunProgress {
  /** Epochs done, fractional while an epoch is under way. */
  done: number
  total: number
  fraction: number
  finished: boolean
}

const ended: TrainingState[] = ['completed', 'stopped', 'cancelled', 'failed', 'interrupted']

/** Within-epoch progress of the job the last progress event came from. */
function partOfEpoch(progress: TrainingProgressEvent | null, jobId: string | null): number {
  if (!progress || (jobId !== null && progress.jobId !== jobId)) return 0
  return (progress.batch + 1) / Math.max(1, progress.batches)
}

/**
 * How far a run is. A network that stopped early will never train its remaining epochs, so it
 * counts for the epochs it did: a finished run is at 100 %, and its total is the real number
 * of epochs trained, not the sum of the configured maxima.
 */
export function runProgress(input: RunProgressInput): RunProgress {
  const finished = input.state === 'completed' || input.state === 'stopped'
  let done = 0
  let total = 0
  if (input.networks.length > 0) {
    for (const network of input.networks) {
      const whole = Math.max(network.epoch, network.liveEpochs)
      if (ended.includes(network.state)) {
        done += whole
        total += whole
      } else {
        done += Math.min(network.epochs, whole + partOfEpoch(input.progress, network.jobId))
        total += network.epochs
      }
    }
  } else {
    const fromProgress = input.progress ? input.progress.epoch + partOfEpoch(input.progress, null) : 0
    done = Math.min(input.epochs, Math.max(fromProgress, input.epochsDone))
    total = finished ? Math.floor(done) : input.epochs
  }
  if (finished) return { done: Math.floor(done), total: Math.floor(done), fraction: 1, finished }
  return { done, total, fraction: total === 0 ? 0 : Math.min(1, done / total), finished }
}
