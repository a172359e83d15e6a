import type { TrainSettings } from '../../../worker/training/settings'

const GATES = { lstm: 4, gru: 3, rnn: 1 } as const

/**
 * Below this much matrix work per worker and step, handing shards to another thread costs
 * more (messages, wake-ups, the step barrier) than it saves.
 */
export const MIN_FLOPS_PER_WORKER_STEP = 32e6

/** Matrix FLOP of one training window: 3 × forward (the backward is about twice the forward). */
export function trainingFlopsPerWindow(settings: Pick<TrainSettings, 'spec' | 'lookback'>): number {
  let perStep = 0
  let width = settings.spec.inputSize
  for (const layer of settings.spec.layers) {
    perStep += 2 * GATES[layer.cell] * layer.units * (width + layer.units)
    width = layer.units
  }
  return 3 * (settings.lookback * perStep + 2 * width * settings.spec.outputSize)
}

/**
 * Threads a job uses when its configuration does not say: as many as the pool has, but no
 * more than there are shards in a batch, nor so many that each one's share is too small to pay
 * for the hand-off. Results do not depend on this choice, only speed does.
 */
export function defaultWorkers(settings: TrainSettings, poolSize: number): number {
  const shards = Math.ceil(settings.batchSize / settings.shardSize)
  const stepFlops = trainingFlopsPerWindow(settings) * settings.batchSize
  const worthwhile = Math.max(1, Math.floor(stepFlops / MIN_FLOPS_PER_WORKER_STEP))
  return Math.max(1, Math.min(poolSize, shards, worthwhile))
}
