import type { FloatArray } from '../types'
import {
  assertSize,
  restoreBuffer,
  type Optimizer,
  type OptimizerStateJSON,
  type SgdConfig,
} from './optimizer'

/** torch.optim.SGD: the momentum buffer starts as the first gradient (not zero). */
export function createSgd(config: SgdConfig, size: number): Optimizer {
  const momentum = config.momentum ?? 0
  const dampening = config.dampening ?? 0
  const weightDecay = config.weightDecay ?? 0
  const nesterov = config.nesterov ?? false
  const buffer = new Float64Array(size)
  let steps = 0

  return {
    config: { ...config },
    lr: config.lr,

    step(params: FloatArray, grads: FloatArray) {
      assertSize(params.length, size, 'params')
      assertSize(grads.length, size, 'grads')
      for (let i = 0; i < size; i++) {
        let d = grads[i] + weightDecay * params[i]
        if (momentum !== 0) {
          buffer[i] = steps === 0 ? d : momentum * buffer[i] + (1 - dampening) * d
          d = nesterov ? d + momentum * buffer[i] : buffer[i]
        }
        params[i] -= this.lr * d
      }
      steps++
    },

    toJSON(): OptimizerStateJSON {
      return {
        format: 'lstm-studio-optimizer/1',
        config: { ...this.config },
        step: steps,
        buffers: { momentum: Array.from(buffer) },
      }
    },

    load(state: OptimizerStateJSON) {
      if (state.config?.name !== 'sgd') throw new Error(`Cannot load ${state.config?.name} state into sgd`)
      restoreBuffer(buffer, state, 'momentum')
      steps = state.step
    },
  }
}
