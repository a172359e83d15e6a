import { describe, expect, it } from 'vitest'
import { buildOnnxNetwork, ONNX_IR_VERSION, ONNX_OPSET } from '../../../worker/export/index'
import { modelProtoType } from '../../../worker/export/onnx/onnx-schema'
import { CELL_STACKS, maxAbsDifference, randomInputs, randomNetwork, referenceForecast } from './networks'
import { onnxSignature, runOnnx } from './onnx-runtime'

/** The parts of the decoded ModelProto this test reads. */
interface DecodedModel {
  ir_version: number
  producer_version: string
  opset_import: unknown[]
  metadata_props: unknown[]
  graph: {
    input: { type: { tensor_type: { shape: { dim: unknown[] } } } }[]
    node: { op_type: string; attribute: unknown[] }[]
  }
}

describe('ONNX export runs in onnxruntime-web with the engine’s numbers', () => {
  it.each(CELL_STACKS.map((stack, i) => ({ ...stack, seed: 11 + i })))('$label', async ({ cells, seed }) => {
    const network = randomNetwork(cells, seed)
    const batch = 5
    const x = randomInputs(network, batch, seed + 100)
    const onnx = await runOnnx(buildOnnxNetwork(network), x, [
      batch,
      network.lookback,
      network.spec.inputSize,
    ])
    expect(onnx.dims).toEqual([batch, network.spec.outputSize])
    const difference = maxAbsDifference(onnx.data, referenceForecast(network, x, batch))
    expect(difference).toBeLessThanOrEqual(1e-4)
  })

  it('accepts any batch size (the batch axis is symbolic)', async () => {
    const network = randomNetwork(['lstm', 'gru'], 3)
    const bytes = buildOnnxNetwork(network)
    for (const batch of [1, 9]) {
      const x = randomInputs(network, batch, batch)
      const onnx = await runOnnx(bytes, x, [batch, network.lookback, network.spec.inputSize])
      expect(maxAbsDifference(onnx.data, referenceForecast(network, x, batch))).toBeLessThanOrEqual(1e-4)
    }
    expect(await onnxSignature(bytes)).toEqual({ inputs: ['input'], outputs: ['forecast'] })
  })

  it('declares IR version, opset, shapes and metadata in the ModelProto', () => {
    const network = randomNetwork(['gru'], 5)
    const bytes = buildOnnxNetwork(network, {
      metadata: { 'lstm_studio.preprocessing': '{"a":1}' },
      producerVersion: '9.9.9',
    })
    const model = modelProtoType().toObject(modelProtoType().decode(bytes), { longs: Number }) as DecodedModel
    expect(model.ir_version).toBe(ONNX_IR_VERSION)
    expect(model.opset_import).toEqual([{ domain: '', version: ONNX_OPSET }])
    expect(model.producer_version).toBe('9.9.9')
    expect(model.metadata_props).toEqual([{ key: 'lstm_studio.preprocessing', value: '{"a":1}' }])
    const dims = model.graph.input[0].type.tensor_type.shape.dim
    expect(dims).toEqual([{ dim_param: 'batch' }, { dim_value: 7 }, { dim_value: 3 }])
    const gru = model.graph.node.find((n) => n.op_type === 'GRU')
    expect(gru?.attribute).toContainEqual({ name: 'linear_before_reset', type: 2, i: 1 })
  })

  it('refuses weights that do not fit the layers', () => {
    const network = randomNetwork(['lstm'], 1)
    expect(() => buildOnnxNetwork({ ...network, params: Array.from(network.params).slice(1) })).toThrow(
      /weights/,
    )
    expect(() => buildOnnxNetwork({ ...network, lookback: 0 })).toThrow(/lookback/)
  })
})
