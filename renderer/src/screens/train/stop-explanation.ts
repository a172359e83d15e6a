import type { TrainingState } from '../../../../electron/api/requests/training'

export interface StopExplanation {
  /** `early`: the patience ran out; `user`: the user pressed Stop. */
  cause: 'early' | 'user'
  /** 1-based epochs, as the screen counts them. */
  stoppedAt: number
  kept: number
  /** Epochs trained after the kept one without doing better. */
  waited: number
}

/**
 * Why a network ended before its last epoch and which weights it kept, from its own epochs:
 * `epochsDone` of the `epochs` configured, `bestEpoch` (0-based) the one kept. A job the user
 * stopped ends `stopped`; one that early stopping ended is `completed` short of its epochs.
 * Nothing to explain while it trains, when it ran all its epochs, or before its curve is known.
 */
export function explainStop(
  state: TrainingState | null,
  epochs: number,
  epochsDone: number,
  bestEpoch: number | null,
): StopExplanation | null {
  if (bestEpoch === null || epochsDone === 0) return null
  const kept = bestEpoch + 1
  const explanation = { stoppedAt: epochsDone, kept, waited: epochsDone - kept }
  if (state === 'stopped') return { cause: 'user', ...explanation }
  if (state === 'completed' && epochsDone < epochs) return { cause: 'early', ...explanation }
  return null
}
