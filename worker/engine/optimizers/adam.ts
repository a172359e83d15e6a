import type { FloatArray } from '../types'
import {
  assertSize,
  restoreBuffer,
  type AdamConfig,
  type Optimizer,
  type OptimizerStateJSON,
} from './optimizer'

/**
 * torch.optim.Adam / AdamW (single-tensor path): bias-corrected moments, eps added after
 * the square root of the corrected second moment. Adam adds L2 decay to the gradient;
 * AdamW shrinks the parameters by (1 − lr·wd) before the update.
 */
export function createAdam(config: AdamConfig, size: number): Optimizer {
  const beta1 = config.beta1 ?? 0.9
  const beta2 = config.beta2 ?? 0.999
  const eps = config.eps ?? 1e-8
  const decoupled = config.name === 'adamw'
  const weightDecay = config.weightDecay ?? (decoupled ? 0.01 : 0)
  const firstMoment = new Float64Array(size)
  const secondMoment = new Float64Array(size)
  let steps = 0

  return {
    config: { ...config },
    lr: config.lr,

    step(params: FloatArray, grads: FloatArray) {
      assertSize(params.length, size, 'params')
      assertSize(grads.length, size, 'grads')
      steps++
      const lr = this.lr
      const stepSize = lr / (1 - beta1 ** steps)
      const correction2Sqrt = Math.sqrt(1 - beta2 ** steps)
      for (let i = 0; i < size; i++) {
        let g = grads[i]
        if (decoupled) params[i] *= 1 - lr * weightDecay
        else if (weightDecay !== 0) g += weightDecay * params[i]
        firstMoment[i] += (g - firstMoment[i]) * (1 - beta1)
        secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * g * g
        const denominator = Math.sqrt(secondMoment[i]) / correction2Sqrt + eps
        params[i] -= (stepSize * firstMoment[i]) / denominator
      }
    },

    toJSON(): OptimizerStateJSON {
      return {
        format: 'lstm-studio-optimizer/1',
        config: { ...this.config },
        step: steps,
        buffers: { firstMoment: Array.from(firstMoment), secondMoment: Array.from(secondMoment) },
      }
    },

    load(state: OptimizerStateJSON) {
      if (state.config?.name !== config.name)
        throw new Error(`Cannot load ${state.config?.name} state into ${config.name}`)
      restoreBuffer(firstMoment, state, 'firstMoment')
      restoreBuffer(secondMoment, state, 'secondMoment')
      steps = state.step
    },
  }
}
