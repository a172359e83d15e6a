import { ExportUnsupportedError } from '../errors'
import { layerTensors, type ExportNetwork } from '../network'
import { FunctionalGraph, type FunctionalTopology, type TensorRef } from './functional-graph'
import { hasNativeLayer, headConfig, recurrentLayerConfig, type KerasLayer } from './layer-configs'
import { headWeights, nativeLayerWeights, type NamedWeight } from './layer-weights'
import { joinSteps, splitSteps } from './sequence-steps'
import { unrollGru } from './unrolled-gru'

/** What flows between two layers: the whole sequence, its steps one by one, or only the last state. */
type Flow =
  | { kind: 'sequence'; ref: TensorRef; width: number }
  | { kind: 'steps'; refs: TensorRef[]; width: number }
  | { kind: 'last'; ref: TensorRef }

export const INPUT_NAME = 'window'
export const MODEL_NAME = 'lstm_studio_forecaster'

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

/** A layer config under another name (an ensemble member's layers all start with its prefix). */
function prefixed(layer: KerasLayer, prefix: string): KerasLayer {
  return { ...layer, config: { ...layer.config, name: `${prefix}${String(layer.config.name)}` } }
}

function prefixedWeights(weights: NamedWeight[], prefix: string): NamedWeight[] {
  return weights.map((weight) => ({ ...weight, name: `${prefix}${weight.name}` }))
}

/**
 * Adds one network to `graph`, reading `input` ([batch, lookback, features]): GRUs unrolled over
 * the fixed lookback, LSTM / SimpleRNN layers kept native (fed and read as whole sequences), then
 * the Dense head on the top layer's last state. Every layer and weight name starts with `prefix`.
 */
export function addNetwork(
  graph: FunctionalGraph,
  input: TensorRef,
  network: ExportNetwork,
  prefix = '',
): { output: TensorRef; weights: NamedWeight[] } {
  const { spec, lookback } = network
  if (!spec.layers.every((layer) => hasNativeLayer(layer.cell))) checkUnrollable(lookback)
  const weights: NamedWeight[] = []
  let flow: Flow = { kind: 'sequence', ref: input, width: spec.inputSize }
  spec.layers.forEach(({ cell, units }, k) => {
    const stepsPrefix = `${prefix}layer_${k}_input`
    if (hasNativeLayer(cell)) {
      const layer = prefixed(recurrentLayerConfig(spec, k), prefix)
      const output = graph.call(layer, [asSequence(graph, flow, stepsPrefix)])
      weights.push(...prefixedWeights(nativeLayerWeights(network, k), prefix))
      flow =
        k === spec.layers.length - 1
          ? { kind: 'last', ref: output }
          : { kind: 'sequence', ref: output, width: units }
      return
    }
    const steps = asSteps(graph, flow, stepsPrefix, lookback)
    const gru = unrollGru(graph, layerTensors(network, k), `${prefix}gru_${k}`, steps)
    weights.push(...gru.weights)
    flow = { kind: 'steps', refs: gru.states, width: units }
  })
  const output = graph.call(prefixed(headConfig(spec), prefix), [lastState(flow)])
  weights.push(...prefixedWeights(headWeights(network), prefix))
  return { output, weights }
}

/**
 * A Keras functional model for stacks with GRU layers (`addNetwork` on the model's input) — the
 * same computation as the Sequential export and the engine.
 */
export function buildUnrolledStack(network: ExportNetwork): {
  topology: FunctionalTopology
  weights: NamedWeight[]
} {
  const { spec, lookback } = network
  const graph = new FunctionalGraph()
  const input = graph.input(INPUT_NAME, [null, lookback, spec.inputSize])
  const { output, weights } = addNetwork(graph, input, network)
  return { topology: graph.topology(MODEL_NAME, [output]), weights }
}
