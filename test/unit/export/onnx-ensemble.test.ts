import { describe, expect, it } from 'vitest'
import { buildOnnxEnsemble, buildOnnxNetwork } from '../../../worker/export/index'
import { readOnnxModel } from '../../../worker/export/read/index'
import { maxAbsDifference, randomInputs, randomNetwork, referenceForecast } from './networks'
import { runOnnx } from './onnx-runtime'

/** An ensemble in one ONNX graph: onnxruntime averages the members as the app does. */

describe('ONNX export of an ensemble', () => {
  it('runs in onnxruntime as the mean of its members', async () => {
    const members = [1, 2, 3].map((seed) => randomNetwork(['lstm', 'gru'], seed))
    const x = randomInputs(members[0], 4, 9)
    const { lookback, spec } = members[0]
    const onnx = await runOnnx(buildOnnxEnsemble(members), x, [4, lookback, spec.inputSize])
    const outputs = members.map((network) => referenceForecast(network, x, 4))
    const mean = outputs[0].map((_, i) => outputs.reduce((sum, out) => sum + out[i], 0) / members.length)
    expect(onnx.dims).toEqual([4, spec.outputSize])
    expect(maxAbsDifference(onnx.data, mean)).toBeLessThanOrEqual(1e-4)
  })

  it('writes one network exactly as before, and refuses members of different shapes', () => {
    const network = randomNetwork(['rnn'], 4)
    expect(buildOnnxEnsemble([network])).toEqual(buildOnnxNetwork(network))
    expect(() => buildOnnxEnsemble([network, randomNetwork(['lstm'], 5)])).toThrow(/one shape/)
    expect(() => buildOnnxEnsemble([])).toThrow(/at least one network/)
  })

  it('reads back the weights it wrote, member by member, in the engine layout', () => {
    const members = [7, 8].map((seed) => randomNetwork(['gru', 'lstm', 'rnn'], seed))
    const { spec, lookback } = members[0]
    // A description the reader accepts for this network shape (level, direct, one feature per input).
    const description = {
      version: 2,
      targetName: null,
      lookback,
      horizon: spec.outputSize,
      outputs: spec.outputSize,
      strategy: 'direct',
      targetMode: 'level',
      residualWeight: 1,
      layers: spec.layers,
      members: 2,
      period: 1,
      features: ['target', 'past.a', 'past.b'],
      target: {
        log: { kind: 'none', log: 'none', shift: 0, scale: 1 },
        lag: 0,
        scale: { kind: 'none', log: 'none', shift: 0, scale: 1 },
      },
      pastCovariates: ['a', 'b'].map((name) => ({
        name,
        scaler: { kind: 'none', log: 'none', shift: 0, scale: 1 },
      })),
      futureCovariates: [],
      calendar: [],
      intervals: { horizon: spec.outputSize, levels: [], counts: [], halfWidths: {} },
      frequency: null,
      lastTimestamp: null,
    }
    const bytes = buildOnnxEnsemble(members, {
      metadata: { 'lstm_studio.preprocessing': JSON.stringify(description) },
    })
    const read = readOnnxModel(bytes)
    expect(read.model.state.spec).toEqual(spec)
    expect(Array.from(read.model.params)).toEqual([...members.flatMap((m) => Array.from(m.params))])
  })
})
