import * as tf from '@tensorflow/tfjs'
import { describe, expect, it } from 'vitest'
import { buildTfjsNetwork, ExportUnsupportedError, TFJS_WEIGHTS_FILE } from '../../../worker/export/index'
import { MAX_UNROLLED_LOOKBACK } from '../../../worker/export/tfjs/unrolled-stack'
import { maxAbsDifference, randomInputs, randomNetwork, referenceForecast } from './networks'
import { loadInTfjs, predict } from './tfjs-runtime'
import type { CellType } from '../../../worker/engine/index'

interface Stack {
  label: string
  cells: CellType[]
  features?: number
  outputs?: number
  lookback?: number
}

const STACKS: Stack[] = [
  { label: 'LSTM', cells: ['lstm'] },
  { label: 'SimpleRNN', cells: ['rnn'] },
  { label: 'LSTM×2', cells: ['lstm', 'lstm'] },
  { label: 'SimpleRNN×2', cells: ['rnn', 'rnn'] },
  { label: 'LSTM→SimpleRNN', cells: ['lstm', 'rnn'] },
  { label: 'GRU (unrolled)', cells: ['gru'] },
  { label: 'GRU×2 (unrolled)', cells: ['gru', 'gru'] },
  { label: 'LSTM→GRU, GRU on top', cells: ['lstm', 'gru'] },
  { label: 'GRU→LSTM, native layer on top', cells: ['gru', 'lstm'] },
  { label: 'LSTM→GRU→SimpleRNN', cells: ['lstm', 'gru', 'rnn'] },
  { label: 'GRU, one feature, one output', cells: ['gru'], features: 1, outputs: 1 },
  { label: 'GRU→SimpleRNN over a one-step window', cells: ['gru', 'rnn'], lookback: 1 },
  { label: 'GRU, 5 features, 12 outputs, 30 steps', cells: ['gru'], features: 5, outputs: 12, lookback: 30 },
]

function stackNetwork({ cells, features, outputs, lookback }: Stack, seed: number) {
  return randomNetwork(cells, seed, features, outputs, lookback)
}

describe('TensorFlow.js Layers export loads in @tensorflow/tfjs with the engine’s numbers', () => {
  it.each(STACKS.map((stack, i) => ({ stack, seed: 31 + i, label: stack.label })))(
    '$label',
    async ({ stack, seed }) => {
      const network = stackNetwork(stack, seed)
      const batch = 4
      const x = randomInputs(network, batch, seed + 7)
      const model = await loadInTfjs(buildTfjsNetwork(network))
      const output = predict(model, x, [batch, network.lookback, network.spec.inputSize])
      model.dispose()
      expect(output.shape).toEqual([batch, network.spec.outputSize])
      expect(maxAbsDifference(output.data, referenceForecast(network, x, batch))).toBeLessThanOrEqual(1e-4)
    },
  )

  it('writes one float32 shard named in the manifest, weights in manifest order', () => {
    const network = randomNetwork(['lstm'], 2)
    const { modelJson, weightData } = buildTfjsNetwork(network, { metadata: { note: 1 } })
    const manifest = modelJson.weightsManifest[0]
    expect(manifest.paths).toEqual([TFJS_WEIGHTS_FILE])
    expect(manifest.weights.map((w) => w.name)).toEqual([
      'lstm_0/kernel',
      'lstm_0/recurrent_kernel',
      'lstm_0/bias',
      'forecast/kernel',
      'forecast/bias',
    ])
    const count = manifest.weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0)
    expect(weightData.length).toBe(4 * count)
    expect(modelJson.userDefinedMetadata).toEqual({ note: 1 })
  })

  it('keeps LSTM / SimpleRNN stacks Sequential; a GRU stack is a functional model without a GRU layer', () => {
    const topology = (cells: CellType[]) => buildTfjsNetwork(randomNetwork(cells, 3)).modelJson.modelTopology
    expect(topology(['lstm', 'rnn']).class_name).toBe('Sequential')
    const functional = topology(['lstm', 'gru'])
    expect(functional.class_name).toBe('Model')
    const classes = new Set(functional.config.layers.map((layer) => layer.class_name))
    expect(classes).toContain('LSTM')
    expect(classes).not.toContain('GRU')
  })

  it('stores each unrolled GRU weight once, whatever the lookback', () => {
    const sizes = [2, 9].map((lookback) => {
      const { modelJson, weightData } = buildTfjsNetwork(randomNetwork(['gru', 'gru'], 6, 3, 4, lookback))
      return { names: modelJson.weightsManifest[0].weights.map((w) => w.name), bytes: weightData.length }
    })
    expect(sizes[1]).toEqual(sizes[0])
    expect(new Set(sizes[0].names).size).toBe(sizes[0].names.length)
  })

  it('loads and runs a GRU over the longest window it unrolls', async () => {
    const network = randomNetwork(['gru'], 8, 1, 2, MAX_UNROLLED_LOOKBACK)
    const x = randomInputs(network, 1, 9)
    const model = await loadInTfjs(buildTfjsNetwork(network))
    const output = predict(model, x, [1, MAX_UNROLLED_LOOKBACK, 1])
    model.dispose()
    expect(maxAbsDifference(output.data, referenceForecast(network, x, 1))).toBeLessThanOrEqual(1e-4)
  }, 60_000)

  it('refuses GRU windows longer than tfjs-layers can load, and points to ONNX', () => {
    const attempt = () => buildTfjsNetwork(randomNetwork(['gru'], 4, 1, 1, MAX_UNROLLED_LOOKBACK + 1))
    expect(attempt).toThrow(ExportUnsupportedError)
    expect(attempt).toThrow(new RegExp(`${MAX_UNROLLED_LOOKBACK + 1} steps.*ONNX`))
    expect(() => buildTfjsNetwork(randomNetwork(['lstm'], 4, 1, 1, MAX_UNROLLED_LOOKBACK + 1))).not.toThrow()
  })

  it('unrolls GRUs because tfjs-layers still rejects reset_after (use its GRU layer when this fails)', () => {
    expect(() => tf.layers.gruCell({ units: 2, resetAfter: true })).toThrow(/reset_after/)
  })
})
