import type { TrainingConfig } from '../../api/requests/training'
import { defaultShardSize } from './shard-plan'

const GATES = { lstm: 4, gru: 3, rnn: 1 } as const

/**
 * Below this much matrix work per worker and step, handing shards to another thread costs
 * more (messages, wake-ups, the step barrier) than it saves.
 */
export const MIN_FLOPS_PER_WORKER_STEP = 32e6

/** Matrix FLOP of one training window: 3 × forward (the backward is about twice the forward). */
export function trainingFlopsPerWindow(config: TrainingConfig, inputSize: number): number {
  let perStep = 0
  let width = inputSize
  for (const layer of config.layers) {
    perStep += 2 * GATES[layer.cell] * layer.units * (width + layer.units)
    width = layer.units
  }
  return 3 * (config.lookback * perStep + 2 * width * config.horizon)
}

/**
 * Threads a job uses when its configuration does not say: as many as the pool has, but no
 * more than there are shards in a batch, nor so many that each one's share is too small to pay
 * for the hand-off. Results do not depend on this choice, only speed does.
 */
export function defaultWorkers(config: TrainingConfig, inputSize: number, poolSize: number): number {
  const shards = Math.ceil(config.batchSize / (config.shardSize ?? defaultShardSize(config.batchSize)))
  const stepFlops = trainingFlopsPerWindow(config, inputSize) * config.batchSize
  const worthwhile = Math.max(1, Math.floor(stepFlops / MIN_FLOPS_PER_WORKER_STEP))
  return Math.max(1, Math.min(poolSize, shards, worthwhile))
}
