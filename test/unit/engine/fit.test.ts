import { describe, expect, it } from 'vitest'
import { evaluate, fit, type FitOptions } from '../../../worker/engine/fit'
import { createReferenceBackend } from '../../../worker/engine/reference-backend'
import type { Backend, GradientOptions, ModelSpec } from '../../../worker/engine/types'
import { randomArray } from './helpers'

const SPEC: ModelSpec = {
  inputSize: 2,
  outputSize: 1,
  layers: [
    { cell: 'gru', units: 4, dropout: 0.3 },
    { cell: 'lstm', units: 3, dropout: 0 },
  ],
}
const STEPS = 5
const train = { x: randomArray(20 * STEPS * 2, 1), y: randomArray(20, 2) }
const validation = { x: randomArray(7 * STEPS * 2, 3), y: randomArray(7, 4) }
const base: FitOptions = {
  spec: SPEC,
  train,
  validation,
  steps: STEPS,
  batchSize: 8,
  epochs: 3,
  optimizer: { name: 'adam', lr: 0.01 },
  seed: 5,
}

/** Records what the fit loop asks of its backend, delegating the math to the reference one. */
function spyBackend() {
  const inner = createReferenceBackend(SPEC, 'float64')
  const calls: { batch: number; options: GradientOptions }[] = []
  const backend: Backend = {
    name: 'spy',
    forward: (...args) => inner.forward(...args),
    lossAndGradients(params, grads, data, options) {
      calls.push({ batch: data.batch, options })
      return inner.lossAndGradients(params, grads, data, options)
    },
  }
  return { backend, calls }
}

describe('fit', () => {
  it('runs shuffled mini-batches with a last partial batch through any Backend', () => {
    const { backend, calls } = spyBackend()
    const result = fit({ ...base, backend, truncateSteps: 3 })
    expect(calls.map((call) => call.batch)).toEqual([8, 8, 4, 8, 8, 4, 8, 8, 4])
    expect(calls.every((call) => call.options.training && call.options.truncateSteps === 3)).toBe(true)
    expect(new Set(calls.map((call) => call.options.dropoutSeed)).size).toBe(9)
    expect(result.trainLoss).toHaveLength(3)
    expect(result.epochs[0].gradNormMax).toBeGreaterThanOrEqual(result.epochs[0].gradNormMean)
  })

  it('is bit-reproducible with dropout and differs under another seed', () => {
    const first = fit(base)
    expect(fit(base).trainLoss).toEqual(first.trainLoss)
    expect(fit(base).model.params).toEqual(first.model.params)
    expect(fit({ ...base, seed: 6 }).trainLoss).not.toEqual(first.trainLoss)
  })

  it('reports validation loss of the epoch-end model in inference mode', () => {
    const result = fit(base)
    const backend = createReferenceBackend(SPEC, 'float64')
    expect(result.valLoss.at(-1)).toBe(evaluate(backend, result.model, validation, base))
  })

  it('drives the optimizer lr from the schedule and reports it per epoch', () => {
    const result = fit({ ...base, epochs: 4, schedule: { kind: 'step', stepSize: 2, gamma: 0.1 } })
    expect(result.epochs.map((epoch) => epoch.lr)).toEqual([0.01, 0.01, 0.01 * 0.1, 0.01 * 0.1])
  })

  it('trains in float32 too', () => {
    const result = fit({ ...base, precision: 'float32', epochs: 2 })
    expect(result.model.params).toBeInstanceOf(Float32Array)
    expect(Number.isFinite(result.trainLoss[1])).toBe(true)
  })

  it('rejects windows whose x and y disagree', () => {
    expect(() => fit({ ...base, train: { x: train.x.subarray(2), y: train.y } })).toThrow(
      /train.x has 198 values, expected 20 windows × 5 steps × 2/,
    )
    expect(() => fit({ ...base, batchSize: 0 })).toThrow(/batchSize/)
  })
})
