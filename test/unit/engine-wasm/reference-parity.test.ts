import { describe, expect, it } from 'vitest'
import { paramCount } from '../../../worker/engine/layout'
import { createReferenceBackend } from '../../../worker/engine/reference-backend'
import type { GradientOptions, ModelSpec } from '../../../worker/engine/types'
import { createWasmBackend } from '../../../worker/engine/wasm/fast-backend'
import { worstRelativeError } from '../engine/torch-fixtures'
import { runnableFlavors, seededValues } from './flavors'

// What the PyTorch fixtures do not cover (dropout, truncation, mixed cells, several batch
// shapes through one backend) is checked against the float32 reference backend.
const SPEC: ModelSpec = {
  inputSize: 3,
  outputSize: 5,
  layers: [
    { cell: 'lstm', units: 9, dropout: 0.3 },
    { cell: 'rnn', units: 6, dropout: 0.2 },
    { cell: 'gru', units: 5, dropout: 0.1 },
    { cell: 'lstm', units: 7, dropout: 0 },
  ],
}

const CASES: Array<{ label: string; batch: number; steps: number; options: GradientOptions }> = [
  {
    label: 'mse, dropout on',
    batch: 5,
    steps: 11,
    options: { loss: 'mse', training: true, dropoutSeed: 99 },
  },
  {
    label: 'huber, truncated to 4 steps',
    batch: 3,
    steps: 11,
    options: { loss: 'huber', training: true, truncateSteps: 4 },
  },
  { label: 'mae, not training (no dropout)', batch: 7, steps: 6, options: { loss: 'mae', training: false } },
  {
    label: 'truncation longer than the window',
    batch: 2,
    steps: 5,
    options: { loss: 'mse', training: true, truncateSteps: 50 },
  },
  {
    label: 'one sample, one step',
    batch: 1,
    steps: 1,
    options: { loss: 'mse', training: true, dropoutSeed: 3 },
  },
  {
    label: 'first shape again after eviction',
    batch: 5,
    steps: 11,
    options: { loss: 'mse', training: true, dropoutSeed: 7 },
  },
]

describe.each(runnableFlavors())('wasm backend (%s build) against the float32 reference', (flavor) => {
  it('matches loss, output and gradients case by case through one backend instance', async () => {
    const wasm = await createWasmBackend(SPEC, { flavor })
    const reference = createReferenceBackend(SPEC, 'float32')
    const params = seededValues(paramCount(SPEC), 1).map((v) => 0.6 * v)
    for (const { label, batch, steps, options } of CASES) {
      const data = {
        x: seededValues(batch * steps * 3, steps),
        y: seededValues(batch * 5, batch),
        batch,
        steps,
      }
      const expectedGrads = new Float32Array(params.length)
      const actualGrads = new Float32Array(params.length)
      const expectedLoss = reference.lossAndGradients(params, expectedGrads, data, options)
      const actualLoss = wasm.lossAndGradients(params, actualGrads, data, options)
      expect(Math.abs(actualLoss - expectedLoss) / expectedLoss, label).toBeLessThan(1e-4)
      expect(worstRelativeError(actualGrads, expectedGrads), label).toBeLessThan(1e-4)

      const expectedOut = new Float32Array(batch * 5)
      const actualOut = new Float32Array(batch * 5)
      reference.forward(params, data.x, batch, steps, expectedOut)
      wasm.forward(params, data.x, batch, steps, actualOut)
      expect(worstRelativeError(actualOut, expectedOut), label).toBeLessThan(1e-4)
    }
  })

  it('rejects inputs of the wrong size', async () => {
    const wasm = await createWasmBackend(SPEC, { flavor })
    const params = new Float32Array(paramCount(SPEC))
    expect(() => wasm.forward(params, new Float32Array(10), 2, 2, new Float32Array(10))).toThrow(
      /x has 10 values/,
    )
    expect(() => wasm.forward(params.subarray(1), new Float32Array(12), 2, 2, new Float32Array(10))).toThrow(
      /params/,
    )
  })
})
