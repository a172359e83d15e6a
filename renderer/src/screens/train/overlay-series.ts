import type { RunLossHistory } from '../../../../electron/api/requests/records'
import type { LossPoint } from './loss-series'

/** One run's curve on the comparison chart. */
export interface OverlayCurve {
  runId: string
  /** Which loss is drawn: validation where the network had a validation part, else training. */
  kind: 'validation' | 'training'
  points: LossPoint[]
}

/**
 * The curve that stands for a run when runs are compared: its first network's (the one trained
 * first on the main split, with validation; later ones are folds, refits or the final fit on all
 * the data), validation loss by epoch, so runs are compared on data they did not train on.
 */
export function overlayCurve(history: RunLossHistory): OverlayCurve | null {
  const trained = history.networks.filter((candidate) => candidate.epochs.length > 0)
  // Where the log named the networks, the first judged on the main split, whatever order they started in.
  const network = trained.find((candidate) => candidate.role?.stage === 'train') ?? trained[0]
  if (!network) return null
  const validated = network.epochs.some((epoch) => epoch.valLoss !== null)
  const points = network.epochs.flatMap((epoch) => {
    const y = validated ? epoch.valLoss : epoch.trainLoss
    return y === null ? [] : [{ x: epoch.epoch + 1, y }]
  })
  return { runId: history.runId, kind: validated ? 'validation' : 'training', points }
}
