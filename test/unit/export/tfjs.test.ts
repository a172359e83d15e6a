import * as tf from '@tensorflow/tfjs'
import { describe, expect, it } from 'vitest'
import {
  buildTfjsNetwork,
  ExportUnsupportedError,
  TFJS_WEIGHTS_FILE,
  type TfjsArtifacts,
} from '../../../worker/export/index'
import { maxAbsDifference, randomInputs, randomNetwork, referenceForecast } from './networks'
import type { CellType } from '../../../worker/engine/index'

/** The ArrayBuffer view tf.io expects, holding exactly the shard's bytes. */
function shard(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer
}

async function loadInTfjs(artifacts: TfjsArtifacts): Promise<tf.LayersModel> {
  const { modelJson, weightData } = artifacts
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: shard(weightData),
    }),
  )
}

function predict(
  model: tf.LayersModel,
  x: Float32Array,
  dims: [number, number, number],
): { data: Float32Array; shape: number[] } {
  return tf.tidy(() => {
    const output = model.predict(tf.tensor3d(x, dims)) as tf.Tensor
    return { data: output.dataSync() as Float32Array, shape: output.shape }
  })
}

const STACKS: { label: string; cells: CellType[] }[] = [
  { label: 'LSTM', cells: ['lstm'] },
  { label: 'SimpleRNN', cells: ['rnn'] },
  { label: 'LSTM×2', cells: ['lstm', 'lstm'] },
  { label: 'SimpleRNN×2', cells: ['rnn', 'rnn'] },
  { label: 'LSTM→SimpleRNN', cells: ['lstm', 'rnn'] },
]

describe('TensorFlow.js Layers export loads in @tensorflow/tfjs with the engine’s numbers', () => {
  it.each(STACKS.map((stack, i) => ({ ...stack, seed: 31 + i })))('$label', async ({ cells, seed }) => {
    const network = randomNetwork(cells, seed)
    const batch = 4
    const x = randomInputs(network, batch, seed + 7)
    const model = await loadInTfjs(buildTfjsNetwork(network))
    const output = predict(model, x, [batch, network.lookback, network.spec.inputSize])
    model.dispose()
    expect(output.shape).toEqual([batch, network.spec.outputSize])
    expect(maxAbsDifference(output.data, referenceForecast(network, x, batch))).toBeLessThanOrEqual(1e-4)
  })

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

  it('refuses GRU layers, which tfjs-layers cannot compute the engine’s way, and points to ONNX', () => {
    for (const cells of [['gru'], ['lstm', 'gru']] as CellType[][]) {
      const attempt = () => buildTfjsNetwork(randomNetwork(cells, 4))
      expect(attempt).toThrow(ExportUnsupportedError)
      expect(attempt).toThrow(/ONNX/)
    }
  })

  it('is right to refuse: tfjs-layers still rejects reset_after GRUs (drop the refusal when this fails)', () => {
    expect(() => tf.layers.gruCell({ units: 2, resetAfter: true })).toThrow(/reset_after/)
  })
})
