import { describe, expect, it } from 'vitest'
import { findParam, paramLayout } from '../../../worker/engine/layout'
import { inspectWindow } from '../../../worker/engine/inspect'
import { createReferenceBackend } from '../../../worker/engine/reference-backend'
import type { ModelSpec } from '../../../worker/engine/types'
import { randomArray, randomParams } from './helpers'

const STEPS = 6
const SPEC: ModelSpec = {
  inputSize: 2,
  outputSize: 2,
  layers: [
    { cell: 'gru', units: 3, dropout: 0.4 },
    { cell: 'rnn', units: 2, dropout: 0 },
    { cell: 'lstm', units: 4, dropout: 0 },
  ],
}
const params = randomParams(SPEC, 21)
const x = randomArray(STEPS * 2, 22)
const y = [0.5, -1]

describe('inspectWindow', () => {
  const trace = inspectWindow(SPEC, params, x, y, 'mse')
  const lstm = trace.layers[2]

  it('reports gate blocks, states and output with [steps][units] shapes', () => {
    expect(Object.keys(trace.layers[0].gates)).toEqual(['r', 'z', 'n'])
    expect(Object.keys(trace.layers[1].gates)).toEqual(['pre'])
    expect(Object.keys(lstm.gates)).toEqual(['i', 'f', 'g', 'o'])
    expect(lstm.h).toHaveLength(STEPS)
    expect(lstm.h[0]).toHaveLength(4)
    expect(lstm.c).toHaveLength(STEPS)
    expect(trace.layers[0].c).toBeUndefined()
    const output = new Float64Array(2)
    createReferenceBackend(SPEC, 'float64').forward(params, x, 1, STEPS, output)
    expect(trace.output).toEqual(Array.from(output))
  })

  it('LSTM values satisfy c = f·c₋₁ + i·g and h = o·tanh(c)', () => {
    const { i, f, g, o } = lstm.gates
    for (let t = 0; t < STEPS; t++) {
      for (let j = 0; j < 4; j++) {
        const previous = t === 0 ? 0 : lstm.c![t - 1][j]
        expect(lstm.c![t][j]).toBeCloseTo(f[t][j] * previous + i[t][j] * g[t][j], 14)
        expect(lstm.h[t][j]).toBeCloseTo(o[t][j] * Math.tanh(lstm.c![t][j]), 14)
      }
    }
  })

  it('RNN stores the pre-activation and h = tanh(pre)', () => {
    const rnn = trace.layers[1]
    rnn.h.forEach((row, t) =>
      row.forEach((h, j) => expect(h).toBeCloseTo(Math.tanh(rnn.gates.pre[t][j]), 14)),
    )
  })

  it('hidden gradient norms: the last top step gets exactly the head gradient, earlier steps the recurrence', () => {
    const head = findParam(paramLayout(SPEC), 'head.W')
    const dOut = trace.output.map((out, k) => (2 * (out - y[k])) / 2)
    let squared = 0
    for (let j = 0; j < 4; j++) {
      const dh = dOut.reduce((sum, d, k) => sum + params[head.offset + k * 4 + j] * d, 0)
      squared += dh * dh
    }
    expect(lstm.hiddenGradNorm![STEPS - 1]).toBeCloseTo(Math.sqrt(squared), 13)
    expect(lstm.hiddenGradNorm!.slice(0, -1).every((norm) => norm > 0)).toBe(true)
    expect(trace.layers[0].hiddenGradNorm!.every((norm) => norm > 0)).toBe(true)
    expect(trace.loss).toBeCloseTo(dOut.reduce((sum, d) => sum + d * d, 0) / 2, 14)
  })

  it('skips gradients without a target and rejects a ragged window', () => {
    expect(inspectWindow(SPEC, params, x).layers[2].hiddenGradNorm).toBeUndefined()
    expect(() => inspectWindow(SPEC, params, x.subarray(1))).toThrow(/multiple of inputSize 2/)
    expect(() => inspectWindow(SPEC, params, x, [1])).toThrow(/y has 1 values/)
  })
})
