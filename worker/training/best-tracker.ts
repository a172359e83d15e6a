/**
 * Tracks the best epoch (lowest monitored loss) and the epochs since, for early stopping.
 * Its state is a pure function of the loss history, so a resumed run rebuilds it by replay.
 */
export class BestTracker {
  bestEpoch: number | null = null
  bestLoss = Number.POSITIVE_INFINITY
  private sinceBest = 0

  constructor(private readonly patience: number) {}

  /** Records an epoch's monitored loss; true when it is a new best. */
  record(epoch: number, loss: number): boolean {
    if (loss < this.bestLoss) {
      this.bestLoss = loss
      this.bestEpoch = epoch
      this.sinceBest = 0
      return true
    }
    this.sinceBest++
    return false
  }

  /** Patience exhausted: that many epochs in a row brought no improvement. */
  get shouldStop(): boolean {
    return this.patience > 0 && this.sinceBest >= this.patience
  }
}
