import { callerOverPort, serveOverPort, type RpcPort } from '../threads/port-rpc'
import {
  TrainingCancelled,
  type Trainer,
  type TrainEpoch,
  type TrainOutcome,
  type TrainRequest,
} from './trainer'

/**
 * A run computed in a worker thread trains its networks on the pool owned by the main thread:
 * each request crosses the port (port-rpc.ts), and the answer, with the epochs as they end, comes
 * back; a cancelled training comes back as TrainingCancelled.
 */

type PlainRequest = Omit<TrainRequest, 'onEpoch'>
const CHANNEL = 'train'

export function trainerOverPort(port: RpcPort): Trainer {
  const call = callerOverPort<PlainRequest, TrainOutcome, TrainEpoch>(port, CHANNEL, (message, cancelled) =>
    cancelled ? new TrainingCancelled(message) : new Error(message),
  )
  return ({ onEpoch, ...plain }) => call(plain, onEpoch)
}

/** The main thread's end: every request that arrives is trained by `trainer`. */
export function serveTrainer(port: RpcPort, trainer: Trainer): void {
  serveOverPort<PlainRequest, TrainOutcome, TrainEpoch>(
    port,
    CHANNEL,
    (request, onEpoch) => trainer({ ...request, onEpoch }),
    (error) => error instanceof TrainingCancelled,
  )
}
