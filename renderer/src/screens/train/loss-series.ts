import type { SavedEpoch } from '../../../../electron/api/requests/records'
import type {
  TrainingEpochEvent,
  TrainingHistory,
  TrainingProgressEvent,
} from '../../../../electron/api/requests/training'

export interface LossPoint {
  x: number
  y: number
}

/**
 * The loss curves of one job as plain arrays that Chart.js draws directly. Events append to
 * the same arrays (never replaced), so the chart only needs `update('none')` per event.
 */
export class LossSeries {
  /** Within-epoch training loss, x = epoch + fraction of its batches. */
  readonly batchTrain: LossPoint[] = []
  /** End-of-epoch training and validation loss, x = epochs done. */
  readonly epochTrain: LossPoint[] = []
  readonly validation: LossPoint[] = []
  bestEpoch: number | null = null

  get pointCount(): number {
    return this.batchTrain.length + this.epochTrain.length + this.validation.length
  }

  appendProgress(event: TrainingProgressEvent): void {
    if (!Number.isFinite(event.trainLoss)) return
    const x = event.epoch + (event.batch + 1) / Math.max(1, event.batches)
    this.batchTrain.push({ x, y: event.trainLoss })
  }

  appendEpoch(event: TrainingEpochEvent): void {
    const x = event.epoch + 1
    if (Number.isFinite(event.trainLoss)) this.epochTrain.push({ x, y: event.trainLoss })
    if (event.valLoss !== null && Number.isFinite(event.valLoss))
      this.validation.push({ x, y: event.valLoss })
    if (event.best) this.bestEpoch = event.epoch
  }

  /** Replaces the contents with what a late subscriber missed, keeping the same arrays. */
  loadHistory(history: TrainingHistory): void {
    this.clear()
    for (const epoch of history.epochs) this.appendEpoch(epoch)
    if (history.lastProgress) this.appendProgress(history.lastProgress)
  }

  /** A past network's curves from its saved loss history (no batch points are saved). */
  static fromSaved(jobId: string, epochs: readonly SavedEpoch[]): LossSeries {
    const series = new LossSeries()
    for (const epoch of epochs) series.appendEpoch({ ...epoch, jobId })
    return series
  }

  clear(): void {
    this.batchTrain.length = 0
    this.epochTrain.length = 0
    this.validation.length = 0
    this.bestEpoch = null
  }
}
