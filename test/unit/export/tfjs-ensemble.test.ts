import { describe, expect, it } from 'vitest'
import type { CellType } from '../../../worker/engine/index'
import { buildTfjsEnsemble, buildTfjsNetwork, type ExportNetwork } from '../../../worker/export/index'
import { maxAbsDifference, randomInputs, randomNetwork, referenceForecast } from './networks'
import { loadInTfjs, predict } from './tfjs-runtime'

/** An ensemble in one TF.js functional model: tfjs averages the members as the app does. */

function members(cells: CellType[], seeds: number[]): ExportNetwork[] {
  return seeds.map((seed) => randomNetwork(cells, seed))
}

function meanOf(outputs: Float64Array[]): Float64Array {
  return outputs[0].map((_, i) => outputs.reduce((sum, out) => sum + out[i], 0) / outputs.length)
}

const ENSEMBLES: { label: string; cells: CellType[]; seeds: number[] }[] = [
  { label: '3 LSTM×2 members', cells: ['lstm', 'lstm'], seeds: [11, 12, 13] },
  { label: '2 GRU members (unrolled)', cells: ['gru'], seeds: [21, 22] },
  { label: '2 LSTM→GRU→SimpleRNN members', cells: ['lstm', 'gru', 'rnn'], seeds: [31, 32] },
]

describe('TensorFlow.js export of an ensemble', () => {
  it.each(ENSEMBLES)('$label: tfjs forecasts the mean of the members', async ({ cells, seeds }) => {
    const networks = members(cells, seeds)
    const { lookback, spec } = networks[0]
    const batch = 4
    const x = randomInputs(networks[0], batch, 5)
    const model = await loadInTfjs(buildTfjsEnsemble(networks))
    const output = predict(model, x, [batch, lookback, spec.inputSize])
    model.dispose()
    const each = networks.map((network) => referenceForecast(network, x, batch))
    expect(output.shape).toEqual([batch, spec.outputSize])
    expect(maxAbsDifference(output.data, meanOf(each))).toBeLessThanOrEqual(1e-4)
    // The members differ, so a graph running only one of them could not pass the line above.
    expect(maxAbsDifference(output.data, each[0])).toBeGreaterThan(1e-3)
  })

  it('names every member’s layers and weights apart and averages them with one Average layer', () => {
    const { modelJson, weightData } = buildTfjsEnsemble(members(['lstm', 'gru'], [1, 2, 3]))
    const { modelTopology } = modelJson
    expect(modelTopology.class_name).toBe('Model')
    if (modelTopology.class_name !== 'Model') return
    const layers = modelTopology.config.layers
    const average = layers.filter((layer) => layer.class_name === 'Average')
    expect(average.map((layer) => layer.name)).toEqual(['ensemble_mean'])
    expect(average[0].inbound_nodes[0].map(([name]) => name)).toEqual([
      'm0_forecast',
      'm1_forecast',
      'm2_forecast',
    ])
    expect(modelTopology.config.output_layers).toEqual([['ensemble_mean', 0, 0]])
    expect(layers.map((layer) => layer.name)).toContain('m2_lstm_0')
    const names = modelJson.weightsManifest[0].weights.map((w) => w.name)
    expect(new Set(names).size).toBe(names.length)
    for (const m of [0, 1, 2]) {
      const own = names.filter((name) => name.startsWith(`m${m}_`))
      expect(own).toContain(`m${m}_lstm_0/kernel`)
      expect(own).toContain(`m${m}_forecast/bias`)
    }
    expect(names.every((name) => /^m[012]_/.test(name))).toBe(true)
    const single = buildTfjsNetwork(randomNetwork(['lstm', 'gru'], 1)).weightData.length
    expect(weightData.length).toBe(3 * single)
  })

  it('writes one network exactly as buildTfjsNetwork does (Sequential, or unrolled for a GRU)', () => {
    for (const cells of [['lstm', 'rnn'], ['gru']] as CellType[][]) {
      const network = randomNetwork(cells, 4)
      const options = { generatedBy: 'test', metadata: { note: 1 } }
      expect(buildTfjsEnsemble([network], options)).toEqual(buildTfjsNetwork(network, options))
    }
  })

  it('refuses no members, or members of different shapes', () => {
    expect(() => buildTfjsEnsemble([])).toThrow(/at least one network/)
    const mixed = [randomNetwork(['lstm'], 1), randomNetwork(['gru'], 2)]
    expect(() => buildTfjsEnsemble(mixed)).toThrow(/one shape/)
  })
})
