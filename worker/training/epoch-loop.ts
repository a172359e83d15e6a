import type { ControlDecision } from './job-control'
import type { EpochRecord, ShardedTrainer, StepResult } from './sharded-trainer'

/** How a run of the loop ended: every epoch, early stopping, or a request at a step boundary. */
export type LoopEnding = 'completed' | 'early' | Exclude<ControlDecision, 'continue'>

export interface StepReport {
  epoch: number
  batch: number
  step: StepResult
  /** Windows of this epoch trained so far, and the epoch's start on the hooks' clock (ms). */
  seen: number
  started: number
}

export interface EpochLoopHooks {
  /** Milliseconds, for epoch durations. */
  clock: () => number
  /** Asked before every step (a pause waits inside it); anything but 'continue' ends the loop. */
  atStepBoundary?: () => Promise<ControlDecision>
  /** Re-runs a step or a validation pass that failed for a reason worth retrying. */
  retry?: <T>(work: () => Promise<T>) => Promise<T>
  /** Where the loop is about to compute (batch = batches for the validation pass), e.g. for failure messages. */
  beforeWork?: (epoch: number, batch: number) => void
  onStep?: (report: StepReport) => void
  /** After each epoch; awaited, so a checkpoint write can hold the next epoch back. */
  onEpoch?: (record: EpochRecord, best: boolean, seconds: number) => Promise<void> | void
}

const once = <T>(work: () => Promise<T>): Promise<T> => work()

/**
 * The training loop, the only one: shuffled mini-batches, a validation pass, the best epoch,
 * early stopping. It continues from `trainer.history` (a run resumed from a checkpoint) and
 * leaves the last weights in the trainer; the caller decides whether the best ones return.
 */
export async function runEpochs(trainer: ShardedTrainer, hooks: EpochLoopHooks): Promise<LoopEnding> {
  const retry = hooks.retry ?? once
  const { epochs } = trainer.settings
  // A run resumed after its patience ran out has nothing left to learn.
  if (trainer.best.shouldStop) return 'early'
  for (let epoch = trainer.history.length; epoch < epochs; epoch++) {
    trainer.beginEpoch(epoch)
    const started = hooks.clock()
    let lossSum = 0
    let seen = 0
    for (let batch = 0; batch < trainer.batches; batch++) {
      const decision = hooks.atStepBoundary ? await hooks.atStepBoundary() : 'continue'
      if (decision !== 'continue') return decision
      hooks.beforeWork?.(epoch, batch)
      const step = await retry(() => trainer.step(epoch, batch))
      const windows = trainer.batchSize(batch)
      lossSum += step.loss * windows
      seen += windows
      hooks.onStep?.({ epoch, batch, step, seen, started })
    }
    hooks.beforeWork?.(epoch, trainer.batches)
    const valLoss = await retry(() => trainer.validationLoss(epoch))
    const { record, best } = trainer.endEpoch(epoch, lossSum / seen, valLoss)
    await hooks.onEpoch?.(record, best, (hooks.clock() - started) / 1000)
    if (trainer.best.shouldStop) return 'early'
  }
  return 'completed'
}
