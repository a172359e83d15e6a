import { describe, expect, it } from 'vitest'
import { findParam, paramCount, paramLayout } from '../../../worker/engine/layout'
import { createModel, modelFromJSON, modelToJSON } from '../../../worker/engine/model'
import { mulberry32, normalSampler, shuffleInPlace } from '../../../worker/engine/prng'
import type { FloatArray, ModelSpec } from '../../../worker/engine/types'

const SPEC: ModelSpec = {
  inputSize: 3,
  outputSize: 2,
  layers: [
    { cell: 'lstm', units: 5, dropout: 0.1 },
    { cell: 'gru', units: 4, dropout: 0 },
  ],
}

function tensor(params: FloatArray, name: string): FloatArray {
  const entry = findParam(paramLayout(SPEC), name)
  return params.subarray(entry.offset, entry.offset + entry.size)
}

describe('parameter layout', () => {
  it('follows PyTorch order and shapes', () => {
    const layout = paramLayout(SPEC)
    expect(layout.map((e) => `${e.name}:${e.shape.join('x')}@${e.offset}`)).toEqual([
      'layers.0.W_ih:20x3@0',
      'layers.0.W_hh:20x5@60',
      'layers.0.b_ih:20@160',
      'layers.0.b_hh:20@180',
      'layers.1.W_ih:12x5@200',
      'layers.1.W_hh:12x4@260',
      'layers.1.b_ih:12@308',
      'layers.1.b_hh:12@320',
      'head.W:2x4@332',
      'head.b:2@340',
    ])
    expect(paramCount(SPEC)).toBe(342)
  })

  it('names the problem in a bad spec', () => {
    const bad = (patch: object) => ({ ...SPEC, ...patch }) as ModelSpec
    expect(() => paramLayout(bad({ layers: [{ cell: 'transformer', units: 3, dropout: 0 }] }))).toThrow(
      /Unknown cell type "transformer"/,
    )
    expect(() => paramLayout(bad({ inputSize: 0 }))).toThrow(/inputSize/)
    expect(() => paramLayout(bad({ layers: [] }))).toThrow(/non-empty/)
    expect(() => paramLayout(bad({ layers: [{ cell: 'rnn', units: 2.5, dropout: 0 }] }))).toThrow(/units/)
    expect(() => paramLayout(bad({ layers: [{ cell: 'rnn', units: 2, dropout: 1 }] }))).toThrow(/dropout/)
  })
})

describe('seeded PRNG', () => {
  it('mulberry32 is deterministic and uniform in [0, 1)', () => {
    const a = mulberry32(99)
    const b = mulberry32(99)
    const values = Array.from({ length: 1000 }, () => a())
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
    expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(0.5, 1)
  })

  it('Box-Muller gives mean 0, variance 1', () => {
    const normal = normalSampler(mulberry32(3))
    const samples = Array.from({ length: 20000 }, normal)
    const mean = samples.reduce((s, v) => s + v, 0) / samples.length
    const variance = samples.reduce((s, v) => s + (v - mean) ** 2, 0) / samples.length
    expect(Math.abs(mean)).toBeLessThan(0.03)
    expect(Math.abs(variance - 1)).toBeLessThan(0.05)
  })

  it('Fisher-Yates yields a seeded permutation', () => {
    const order = Array.from({ length: 50 }, (_, i) => i)
    shuffleInPlace(order, mulberry32(1))
    expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(order).not.toEqual(Array.from({ length: 50 }, (_, i) => i))
  })
})

describe('initialisation', () => {
  it('same seed gives identical bits, another seed does not', () => {
    const first = createModel(SPEC, { seed: 7, precision: 'float64' }).params
    expect(createModel(SPEC, { seed: 7, precision: 'float64' }).params).toEqual(first)
    expect(createModel(SPEC, { seed: 8, precision: 'float64' }).params).not.toEqual(first)
    const single = createModel(SPEC, { seed: 7, precision: 'float32' }).params
    expect(Array.from(single)).toEqual(Array.from(first, Math.fround))
  })

  it('recurrent gate blocks are orthogonal', () => {
    const { params } = createModel(SPEC, { seed: 1, precision: 'float64' })
    for (const [name, units, gates] of [
      ['layers.0.W_hh', 5, 4],
      ['layers.1.W_hh', 4, 3],
    ] as const) {
      const w = tensor(params, name)
      for (let g = 0; g < gates; g++) {
        for (let r = 0; r < units; r++) {
          for (let s = 0; s < units; s++) {
            let dot = 0
            for (let c = 0; c < units; c++)
              dot += w[(g * units + r) * units + c] * w[(g * units + s) * units + c]
            expect(dot).toBeCloseTo(r === s ? 1 : 0, 12)
          }
        }
      }
    }
  })

  it('Glorot bounds, zero biases and an LSTM forget bias of 1', () => {
    const { params } = createModel(SPEC, { seed: 1, precision: 'float64' })
    const limit = Math.sqrt(6 / (20 + 3))
    expect(Math.max(...tensor(params, 'layers.0.W_ih').map(Math.abs))).toBeLessThanOrEqual(limit)
    expect(Math.max(...tensor(params, 'layers.0.W_ih').map(Math.abs))).toBeGreaterThan(limit / 2)
    const bIh = Array.from(tensor(params, 'layers.0.b_ih'))
    expect(bIh).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, ...new Array(10).fill(0)])
    expect(Array.from(tensor(params, 'layers.0.b_hh')).every((v) => v === 0)).toBe(true)
    expect(Array.from(tensor(params, 'layers.1.b_ih')).every((v) => v === 0)).toBe(true)
    expect(Array.from(tensor(params, 'head.b'))).toEqual([0, 0])
  })

  it('shared models live on SharedArrayBuffers', () => {
    const model = createModel(SPEC, { seed: 1, precision: 'float32', shared: true })
    expect(model.params.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(model.grads.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(model.params).toBeInstanceOf(Float32Array)
  })
})

describe('model JSON', () => {
  it('round-trips exactly in both precisions', () => {
    for (const precision of ['float32', 'float64'] as const) {
      const model = createModel(SPEC, { seed: 4, precision })
      const restored = modelFromJSON(JSON.parse(JSON.stringify(modelToJSON(model))))
      expect(restored.params).toEqual(model.params)
      expect(restored.spec).toEqual(SPEC)
    }
  })

  it('refuses tensors that do not match the spec', () => {
    const json = modelToJSON(createModel(SPEC, { seed: 4, precision: 'float64' }))
    const broken = structuredClone(json)
    broken.params['layers.1.W_hh'].shape = [4, 12]
    expect(() => modelFromJSON(broken)).toThrow(/"layers.1.W_hh" has shape \[4,12\], expected \[12,4\]/)
    const missing = structuredClone(json)
    delete missing.params['head.b']
    expect(() => modelFromJSON(missing)).toThrow(/missing parameter "head.b"/)
    const short = structuredClone(json)
    short.params['head.b'].values.pop()
    expect(() => modelFromJSON(short)).toThrow(/"head.b" has 1 values, expected 2/)
    const extra = structuredClone(json)
    extra.params['layers.2.W_ih'] = { shape: [1], values: [0] }
    expect(() => modelFromJSON(extra)).toThrow(/unexpected parameter "layers.2.W_ih"/)
  })
})
