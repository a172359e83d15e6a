import { describe, expect, it } from 'vitest'
import { paramCount } from '../../../worker/engine/layout'
import { createReferenceBackend } from '../../../worker/engine/reference-backend'
import type { Batch, ModelSpec } from '../../../worker/engine/types'
import { randomArray, randomParams } from './helpers'

const SPEC: ModelSpec = {
  inputSize: 2,
  outputSize: 1,
  layers: [
    { cell: 'lstm', units: 6, dropout: 0.5 },
    { cell: 'gru', units: 5, dropout: 0 },
  ],
}
const params = randomParams(SPEC, 1)
const data: Batch = { x: randomArray(4 * 7 * 2, 2), y: randomArray(4, 3), batch: 4, steps: 7 }

function loss(options: { training: boolean; dropoutSeed?: number }): number {
  const backend = createReferenceBackend(SPEC, 'float64')
  return backend.lossAndGradients(params, new Float64Array(params.length), data, { loss: 'mse', ...options })
}

describe('reference backend', () => {
  it('applies seeded inverted dropout only while training', () => {
    const inference = loss({ training: false })
    expect(loss({ training: false, dropoutSeed: 9 })).toBe(inference)
    expect(loss({ training: true, dropoutSeed: 9 })).toBe(loss({ training: true, dropoutSeed: 9 }))
    expect(loss({ training: true, dropoutSeed: 9 })).not.toBe(inference)
    expect(loss({ training: true, dropoutSeed: 9 })).not.toBe(loss({ training: true, dropoutSeed: 10 }))
  })

  it('forward matches the loss pass and reuses its workspace across batch sizes', () => {
    const backend = createReferenceBackend(SPEC, 'float64')
    const first = new Float64Array(4)
    backend.forward(params, data.x, 4, 7, first)
    const single = new Float64Array(1)
    backend.forward(params, data.x.subarray(0, 14), 1, 7, single)
    expect(single[0]).toBe(first[0])
    const again = new Float64Array(4)
    backend.forward(params, data.x, 4, 7, again)
    expect(again).toEqual(first)
  })

  it('float32 and float64 agree closely', () => {
    const out64 = new Float64Array(4)
    const out32 = new Float32Array(4)
    createReferenceBackend(SPEC, 'float64').forward(params, data.x, 4, 7, out64)
    createReferenceBackend(SPEC, 'float32').forward(
      Float32Array.from(params),
      Float32Array.from(data.x),
      4,
      7,
      out32,
    )
    out64.forEach((value, i) => expect(Math.abs(out32[i] - value)).toBeLessThan(1e-5))
  })

  it('gives clear errors for wrong shapes and options', () => {
    const backend = createReferenceBackend(SPEC, 'float64')
    const grads = new Float64Array(params.length)
    expect(() => backend.forward(params, data.x, 4, 6, new Float64Array(4))).toThrow(
      /x has 56 values, expected/,
    )
    expect(() => backend.forward(params.subarray(1), data.x, 4, 7, new Float64Array(4))).toThrow(
      new RegExp(`params has ${paramCount(SPEC) - 1} values, expected ${paramCount(SPEC)}`),
    )
    expect(() => backend.forward(params, data.x, 4, 7, new Float64Array(3))).toThrow(/out has 3 values/)
    expect(() =>
      backend.lossAndGradients(
        params,
        grads,
        { ...data, y: new Float64Array(5) },
        { loss: 'mse', training: false },
      ),
    ).toThrow(/y has 5 values/)
    expect(() =>
      backend.lossAndGradients(params, grads, data, { loss: 'l3' as never, training: false }),
    ).toThrow(/Unknown loss "l3"/)
    expect(() =>
      createReferenceBackend(
        { ...SPEC, layers: [{ cell: 'lstmx' as never, units: 2, dropout: 0 }] },
        'float64',
      ),
    ).toThrow(/Unknown cell type "lstmx"/)
    expect(() => createReferenceBackend(SPEC, 'float16' as never)).toThrow(/Unknown precision "float16"/)
  })
})
