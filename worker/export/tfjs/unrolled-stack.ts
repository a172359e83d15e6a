import { ExportUnsupportedError } from '../errors'
import { layerTensors, type ExportNetwork } from '../network'
import { FunctionalGraph, type FunctionalTopology, type TensorRef } from './functional-graph'
import { hasNativeLayer, headConfig, recurrentLayerConfig } from './layer-configs'
import { headWeights, nativeLayerWeights, type NamedWeight } from './layer-weights'
import { joinSteps, splitSteps } from './sequence-steps'
import { unrollGru } from './unrolled-gru'

/** What flows between two layers: the whole sequence, its steps one by one, or only the last state. */
type Flow =
  | { kind: 'sequence'; ref: TensorRef; width: number }
  | { kind: 'steps'; refs: TensorRef[]; width: number }
  | { kind: 'last'; ref: TensorRef }

export const INPUT_NAME = 'window'

/**
 * tfjs-layers maps a functional graph with a recursive walk from the output back to the input,
 * one stack frame per layer call on the way; an unrolled GRU adds about six calls per step, and
 * around 900–1400 steps the loader overflows the JavaScript stack (Node, Chromium). 512 keeps a
 * wide margin and is ten times the longest window the Auto preset picks.
 */
export const MAX_UNROLLED_LOOKBACK = 512

function checkUnrollable(lookback: number): void {
  if (lookback > MAX_UNROLLED_LOOKBACK)
    throw new ExportUnsupportedError(
      `TensorFlow.js has no GRU layer that computes this model's GRU, so the export unrolls it over the ` +
        `lookback, one step after another; ${lookback} steps is more than the ${MAX_UNROLLED_LOOKBACK} ` +
        `tfjs-layers can load (its graph loader runs out of stack). Export it as ONNX instead ` +
        '(onnxruntime runs in Python, JavaScript and the browser).',
    )
}

function asSequence(graph: FunctionalGraph, flow: Flow, prefix: string): TensorRef {
  if (flow.kind === 'sequence') return flow.ref
  if (flow.kind === 'steps') return joinSteps(graph, flow.refs, prefix, flow.width)
  throw new Error('only the top layer hands on its last state alone')
}

function asSteps(graph: FunctionalGraph, flow: Flow, prefix: string, lookback: number): TensorRef[] {
  if (flow.kind === 'steps') return flow.refs
  if (flow.kind === 'sequence') return splitSteps(graph, flow.ref, prefix, lookback, flow.width)
  throw new Error('only the top layer hands on its last state alone')
}

function lastState(flow: Flow): TensorRef {
  if (flow.kind === 'last') return flow.ref
  if (flow.kind === 'steps') return flow.refs[flow.refs.length - 1]
  throw new Error('the top layer must hand on its last state')
}

/**
 * A Keras functional model for stacks with GRU layers: GRUs unrolled over the fixed lookback,
 * LSTM / SimpleRNN layers kept native (fed and read as whole sequences), then the Dense head on
 * the top layer's last state — the same computation as the Sequential export and the engine.
 */
export function buildUnrolledStack(network: ExportNetwork): {
  topology: FunctionalTopology
  weights: NamedWeight[]
} {
  const { spec, lookback } = network
  checkUnrollable(lookback)
  const graph = new FunctionalGraph()
  const weights: NamedWeight[] = []
  let flow: Flow = {
    kind: 'sequence',
    ref: graph.input(INPUT_NAME, [null, lookback, spec.inputSize]),
    width: spec.inputSize,
  }
  spec.layers.forEach(({ cell, units }, k) => {
    const prefix = `layer_${k}_input`
    if (hasNativeLayer(cell)) {
      const output = graph.call(recurrentLayerConfig(spec, k), [asSequence(graph, flow, prefix)])
      weights.push(...nativeLayerWeights(network, k))
      flow =
        k === spec.layers.length - 1
          ? { kind: 'last', ref: output }
          : { kind: 'sequence', ref: output, width: units }
      return
    }
    const gru = unrollGru(graph, layerTensors(network, k), `gru_${k}`, asSteps(graph, flow, prefix, lookback))
    weights.push(...gru.weights)
    flow = { kind: 'steps', refs: gru.states, width: units }
  })
  const forecast = graph.call(headConfig(spec), [lastState(flow)])
  weights.push(...headWeights(network))
  return { topology: graph.topology('lstm_studio_forecaster', [forecast]), weights }
}
