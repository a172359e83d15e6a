import { createAdam } from './adam'
import type { Optimizer, OptimizerConfig, OptimizerStateJSON } from './optimizer'
import { createSgd } from './sgd'

export function createOptimizer(config: OptimizerConfig, size: number): Optimizer {
  if (!(config.lr > 0)) throw new Error(`Optimizer lr must be a positive number, got ${String(config.lr)}`)
  if (config.name === 'sgd') return createSgd(config, size)
  if (config.name === 'adam' || config.name === 'adamw') return createAdam(config, size)
  throw new Error(
    `Unknown optimizer "${String((config as { name?: unknown }).name)}" (expected sgd, adam or adamw)`,
  )
}

export function optimizerStateToJSON(optimizer: Optimizer): OptimizerStateJSON {
  return optimizer.toJSON()
}

/** A new optimizer for `size` parameters continuing from a checkpoint (lr included). */
export function optimizerStateFromJSON(state: OptimizerStateJSON, size: number): Optimizer {
  if (state?.format !== 'lstm-studio-optimizer/1') {
    throw new Error(`Unsupported optimizer state format "${String(state?.format)}"`)
  }
  const optimizer = createOptimizer(state.config, size)
  optimizer.load(state)
  return optimizer
}

export type { AdamConfig, Optimizer, OptimizerConfig, OptimizerStateJSON, SgdConfig } from './optimizer'
