import { describe, expect, it } from 'vitest'
import { createReferenceBackend } from '../../../worker/engine/reference-backend'
import type { Batch, GradientOptions, LossKind, ModelSpec } from '../../../worker/engine/types'
import { randomArray, randomParams } from './helpers'

const BATCH = 2
const STEPS = 5

/** Central differences of the loss against the analytic gradient, for every parameter. */
function worstGradientError(spec: ModelSpec, options: GradientOptions, seed: number): number {
  const backend = createReferenceBackend(spec, 'float64')
  const params = randomParams(spec, seed)
  const data: Batch = {
    x: randomArray(BATCH * STEPS * spec.inputSize, seed + 1),
    y: randomArray(BATCH * spec.outputSize, seed + 2, 2),
    batch: BATCH,
    steps: STEPS,
  }
  const analytic = new Float64Array(params.length)
  backend.lossAndGradients(params, analytic, data, options)
  const scratch = new Float64Array(params.length)
  const epsilon = 1e-6
  let worst = 0
  for (let i = 0; i < params.length; i++) {
    const original = params[i]
    params[i] = original + epsilon
    const plus = backend.lossAndGradients(params, scratch, data, options)
    params[i] = original - epsilon
    const minus = backend.lossAndGradients(params, scratch, data, options)
    params[i] = original
    const numeric = (plus - minus) / (2 * epsilon)
    worst = Math.max(worst, Math.abs(numeric - analytic[i]) / Math.max(1, Math.abs(analytic[i])))
  }
  return worst
}

const STACKS: Record<string, ModelSpec> = {
  lstm: { inputSize: 2, outputSize: 2, layers: [{ cell: 'lstm', units: 3, dropout: 0 }] },
  gru: { inputSize: 2, outputSize: 2, layers: [{ cell: 'gru', units: 3, dropout: 0 }] },
  rnn: { inputSize: 2, outputSize: 2, layers: [{ cell: 'rnn', units: 3, dropout: 0 }] },
  '2-layer lstm': {
    inputSize: 3,
    outputSize: 1,
    layers: [
      { cell: 'lstm', units: 4, dropout: 0 },
      { cell: 'lstm', units: 3, dropout: 0 },
    ],
  },
  'mixed lstm→gru→rnn': {
    inputSize: 2,
    outputSize: 3,
    layers: [
      { cell: 'lstm', units: 3, dropout: 0 },
      { cell: 'gru', units: 4, dropout: 0 },
      { cell: 'rnn', units: 2, dropout: 0 },
    ],
  },
}

describe('finite-difference gradient check (float64, central differences)', () => {
  Object.entries(STACKS).forEach(([label, spec], index) => {
    for (const loss of ['mse', 'mae', 'huber'] as LossKind[]) {
      it(`${label} with ${loss} loss`, () => {
        expect(worstGradientError(spec, { loss, training: false }, 100 + index)).toBeLessThan(1e-7)
      })
    }
  })

  it('mixed stack with dropout between layers (fixed masks)', () => {
    const spec: ModelSpec = {
      inputSize: 2,
      outputSize: 2,
      layers: [
        { cell: 'gru', units: 4, dropout: 0.3 },
        { cell: 'lstm', units: 4, dropout: 0.5 },
        { cell: 'rnn', units: 3, dropout: 0.2 },
      ],
    }
    expect(worstGradientError(spec, { loss: 'mse', training: true, dropoutSeed: 7 }, 42)).toBeLessThan(1e-7)
  })
})
