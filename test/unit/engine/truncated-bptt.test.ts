import { describe, expect, it } from 'vitest'
import { createReferenceBackend } from '../../../worker/engine/reference-backend'
import type { Batch, ModelSpec } from '../../../worker/engine/types'
import { randomArray, randomParams } from './helpers'

const SPEC: ModelSpec = {
  inputSize: 2,
  outputSize: 2,
  layers: [
    { cell: 'lstm', units: 4, dropout: 0 },
    { cell: 'gru', units: 3, dropout: 0 },
  ],
}
const BATCH = 3
const STEPS = 8

function setup() {
  const params = randomParams(SPEC, 5)
  const data: Batch = {
    x: randomArray(BATCH * STEPS * SPEC.inputSize, 6),
    y: randomArray(BATCH * SPEC.outputSize, 7),
    batch: BATCH,
    steps: STEPS,
  }
  return { params, data }
}

function gradients(truncateSteps: number) {
  const { params, data } = setup()
  const backend = createReferenceBackend(SPEC, 'float64')
  const grads = new Float64Array(params.length)
  const loss = backend.lossAndGradients(params, grads, data, { loss: 'mse', training: false, truncateSteps })
  return { backend, grads, loss }
}

describe('truncated BPTT', () => {
  it('equals full BPTT when k ≥ steps', () => {
    const full = gradients(0).grads
    expect(gradients(STEPS).grads).toEqual(full)
    expect(gradients(STEPS + 5).grads).toEqual(full)
  })

  it('differs from full BPTT when k < steps', () => {
    const full = gradients(0).grads
    const truncated = gradients(3).grads
    const difference = full.reduce((max, value, i) => Math.max(max, Math.abs(value - truncated[i])), 0)
    expect(difference).toBeGreaterThan(1e-6)
  })

  it('is the exact gradient of the last k steps run from detached states', () => {
    const k = 3
    const { backend, grads: truncated, loss } = gradients(k)
    const { params, data } = setup()
    // Replay only the last k steps with every layer starting from the state the full pass had at T−k−1.
    const tail = createReferenceBackend(SPEC, 'float64')
    SPEC.layers.forEach((layer, index) => {
      const full = backend.layerRecord(index, BATCH, STEPS)
      const start = tail.layerRecord(index, BATCH, k)
      const auxWidth = full.aux.length / (BATCH * STEPS)
      for (let b = 0; b < BATCH; b++) {
        const at = b * STEPS + STEPS - k - 1
        start.h0.set(full.h.subarray(at * layer.units, (at + 1) * layer.units), b * layer.units)
        start.aux0.set(full.aux.subarray(at * auxWidth, (at + 1) * auxWidth), b * auxWidth)
      }
    })
    const width = SPEC.inputSize
    const tailX = new Float64Array(BATCH * k * width)
    for (let b = 0; b < BATCH; b++) {
      tailX.set(data.x.subarray((b * STEPS + STEPS - k) * width, (b + 1) * STEPS * width), b * k * width)
    }
    const reference = new Float64Array(params.length)
    const tailLoss = tail.lossAndGradients(
      params,
      reference,
      { x: tailX, y: data.y, batch: BATCH, steps: k },
      {
        loss: 'mse',
        training: false,
      },
    )
    expect(tailLoss).toBeCloseTo(loss, 14)
    reference.forEach((value, i) => expect(Math.abs(truncated[i] - value)).toBeLessThan(1e-13))
  })

  it('rejects a negative truncation', () => {
    const { params, data } = setup()
    const backend = createReferenceBackend(SPEC, 'float64')
    expect(() =>
      backend.lossAndGradients(params, new Float64Array(params.length), data, {
        loss: 'mse',
        training: false,
        truncateSteps: -1,
      }),
    ).toThrow(/truncateSteps/)
  })
})
