import { describe, expect, it } from 'vitest'
import { clipGlobalNorm, globalNorm } from '../../../worker/engine/clipping'
import {
  createOptimizer,
  optimizerStateFromJSON,
  optimizerStateToJSON,
  type OptimizerConfig,
} from '../../../worker/engine/optimizers'

function run(config: OptimizerConfig, start: number[], gradients: number[][]): Float64Array {
  const params = Float64Array.from(start)
  const optimizer = createOptimizer(config, params.length)
  for (const g of gradients) optimizer.step(params, Float64Array.from(g))
  return params
}

describe('SGD (torch.optim.SGD semantics)', () => {
  it('plain step: p − lr·g', () => {
    expect(run({ name: 'sgd', lr: 0.1 }, [1], [[0.5]])[0]).toBeCloseTo(0.95, 15)
  })

  it('momentum buffer starts as the first gradient', () => {
    // step 1: buf = 0.5 → 0.95; step 2: buf = 0.9·0.5 + 0.5 = 0.95 → 0.855
    expect(run({ name: 'sgd', lr: 0.1, momentum: 0.9 }, [1], [[0.5], [0.5]])[0]).toBeCloseTo(0.855, 15)
  })

  it('weight decay adds wd·p to the gradient', () => {
    expect(run({ name: 'sgd', lr: 0.1, weightDecay: 0.1 }, [1], [[0.5]])[0]).toBeCloseTo(0.94, 15)
  })

  it('nesterov looks ahead along the momentum buffer', () => {
    expect(run({ name: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true }, [1], [[0.5]])[0]).toBeCloseTo(
      0.905,
      15,
    )
  })
})

describe('Adam and AdamW', () => {
  it('first step moves each parameter by about lr against the gradient sign', () => {
    const params = run({ name: 'adam', lr: 0.1 }, [1, 1], [[0.5, -3]])
    expect(params[0]).toBeCloseTo(0.9, 7)
    expect(params[1]).toBeCloseTo(1.1, 7)
  })

  it('second step uses bias-corrected moments with eps after the square root', () => {
    const m = 0.9 * (0.1 * 0.5) + 0.1 * -0.25
    const v = 0.999 * (0.001 * 0.25) + 0.001 * 0.0625
    const first = 1 - 0.1 * (0.5 / (0.5 + 1e-8))
    const expected = first - ((0.1 / (1 - 0.9 ** 2)) * m) / (Math.sqrt(v) / Math.sqrt(1 - 0.999 ** 2) + 1e-8)
    expect(run({ name: 'adam', lr: 0.1 }, [1], [[0.5], [-0.25]])[0]).toBeCloseTo(expected, 14)
  })

  it('adam adds L2 decay to the gradient, adamw decays the parameters directly', () => {
    expect(run({ name: 'adam', lr: 0.1, weightDecay: 0.1 }, [1], [[0]])[0]).toBeCloseTo(0.9, 7)
    expect(run({ name: 'adamw', lr: 0.1, weightDecay: 0.1 }, [1], [[0]])[0]).toBe(1 - 0.1 * 0.1)
  })

  it('state checkpoints resume bit-identically', () => {
    const grads = [Float64Array.of(0.3, -0.2), Float64Array.of(-0.1, 0.4), Float64Array.of(0.2, 0.2)]
    for (const config of [
      { name: 'adamw', lr: 0.05, weightDecay: 0.02 },
      { name: 'sgd', lr: 0.05, momentum: 0.8 },
    ] as OptimizerConfig[]) {
      const params = Float64Array.of(1, -1)
      const optimizer = createOptimizer(config, 2)
      optimizer.step(params, grads[0])
      optimizer.step(params, grads[1])
      const saved = JSON.parse(JSON.stringify(optimizerStateToJSON(optimizer)))
      const resumedParams = Float64Array.from(params)
      optimizer.step(params, grads[2])
      optimizerStateFromJSON(saved, 2).step(resumedParams, grads[2])
      expect(resumedParams).toEqual(params)
    }
  })

  it('rejects unknown optimizers, wrong sizes and mismatched checkpoints', () => {
    expect(() => createOptimizer({ name: 'rmsprop', lr: 0.1 } as never, 2)).toThrow(
      /Unknown optimizer "rmsprop"/,
    )
    expect(() =>
      createOptimizer({ name: 'sgd', lr: 0.1 }, 2).step(new Float64Array(3), new Float64Array(3)),
    ).toThrow(/params has 3 values/)
    const adamState = optimizerStateToJSON(createOptimizer({ name: 'adam', lr: 0.1 }, 2))
    expect(() => createOptimizer({ name: 'sgd', lr: 0.1 }, 2).load(adamState)).toThrow(/Cannot load adam/)
    expect(() => optimizerStateFromJSON(adamState, 5)).toThrow(/firstMoment/)
  })
})

describe('clipGlobalNorm (clip_grad_norm_ semantics)', () => {
  it('returns the norm before clipping and scales by maxNorm/(norm+1e-6)', () => {
    const grads = Float64Array.of(3, 4)
    expect(clipGlobalNorm(grads, 1)).toBe(5)
    expect(grads[0]).toBeCloseTo(3 / (5 + 1e-6), 15)
    expect(globalNorm(grads)).toBeLessThan(1)
  })

  it('leaves small gradients alone', () => {
    const grads = Float64Array.of(3, 4)
    expect(clipGlobalNorm(grads, 10)).toBe(5)
    expect(Array.from(grads)).toEqual([3, 4])
  })
})
