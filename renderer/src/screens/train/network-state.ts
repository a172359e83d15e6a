import type { TrainingCandidate } from '../../../../electron/api/requests/training-auto'

/**
 * A network's state and epochs as the list shows them. The services describe a network when the
 * run's state changes, so its epoch count there lags; the epoch events the screen received are
 * fresher. A network that early stopping ended is `completed` short of its epochs: say so.
 */
export function networkRow(network: TrainingCandidate, liveEpochs: number) {
  const epoch = Math.max(network.epoch, liveEpochs)
  const stoppedEarly = network.state === 'completed' && epoch < network.epochs
  return { stateKey: stoppedEarly ? 'stoppedEarly' : network.state, epoch, epochs: network.epochs }
}
