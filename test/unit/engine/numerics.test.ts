import { describe, expect, it } from 'vitest'
import {
  assertFinite,
  assertFiniteGradients,
  NonFiniteError,
  paramLayout,
  type ModelSpec,
} from '../../../worker/engine'
import { randomArray } from './helpers'
import { trainHere } from './train-here'

const SPEC: ModelSpec = { inputSize: 1, outputSize: 1, layers: [{ cell: 'lstm', units: 4, dropout: 0 }] }

function catchError(action: () => unknown): NonFiniteError {
  try {
    action()
  } catch (error) {
    if (error instanceof NonFiniteError) return error
    throw error
  }
  throw new Error('expected a NonFiniteError')
}

async function rejection(work: Promise<unknown>): Promise<NonFiniteError> {
  try {
    await work
  } catch (error) {
    return error as NonFiniteError
  }
  throw new Error('expected the training to fail')
}

describe('NaN/Inf detection', () => {
  it('assertFinite names what went wrong and where', () => {
    expect(() => assertFinite([1, 2, 3], 'loss')).not.toThrow()
    const error = catchError(() => assertFinite([1, Number.NaN], 'loss'))
    expect(error.code).toBe('NON_FINITE')
    expect(error.index).toBe(1)
    expect(error.message).toMatch(/^loss is not finite \(NaN at index 1\)/)
    expect(catchError(() => assertFinite(Infinity, 'output')).message).toMatch(
      /output is not finite \(Infinity/,
    )
  })

  it('assertFiniteGradients names the parameter tensor', () => {
    const layout = paramLayout(SPEC)
    const grads = new Float64Array(layout.at(-1)!.offset + 2)
    grads[layout[1].offset + 3] = -Infinity
    const error = catchError(() => assertFiniteGradients(layout, grads))
    expect(error.what).toBe('gradient of layers.0.W_hh')
    expect(error.index).toBe(3)
  })

  const train = { x: randomArray(40 * 6, 1), y: randomArray(40, 2) }
  const base = { spec: SPEC, steps: 6, batchSize: 8, seed: 1 }

  it('a NaN in the input stops training with a NonFiniteError naming the loss', async () => {
    const x = Float64Array.from(train.x)
    x[17] = Number.NaN
    const error = await rejection(
      trainHere({ ...base, train: { x, y: train.y }, epochs: 1, optimizer: { name: 'adam', lr: 0.01 } }),
    )
    expect(error.what).toBe('loss')
  })

  it('a huge learning rate diverges into a NonFiniteError', async () => {
    const error = await rejection(
      trainHere({ ...base, train, epochs: 200, optimizer: { name: 'sgd', lr: 1e12 } }),
    )
    expect(error.code).toBe('NON_FINITE')
    expect(error.message).toMatch(/(loss|gradient of \S+|parameters) is not finite/)
  })
})
