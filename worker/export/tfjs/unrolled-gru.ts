import { transpose } from '../gate-order'
import type { LayerTensors } from '../network'
import type { FunctionalGraph, TensorRef } from './functional-graph'
import { activationLayer, addLayer, denseLayer, multiplyLayer } from './graph-layers'
import type { KerasLayer } from './layer-configs'
import type { NamedWeight } from './layer-weights'

/**
 * The engine's GRU (PyTorch, Keras reset_after = true), one time step after another, out of Dense,
 * Activation, Add and Multiply layers, because tfjs-layers' GRU only computes reset_after = false:
 *
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 *   h' = (1 − z) ⊙ n + z ⊙ h,   with 1 − z = σ(−(W_iz x + b_iz + W_hz h + b_hz)) exactly.
 *
 * Each Dense is one layer called at every step, so its weights are stored once. The stateless
 * layers are shared across steps too (one config, one node per step), which keeps model.json small.
 */

const GATE = { reset: 0, update: 1, candidate: 2 } as const

/** A gate's two Dense layers: one reads the step's input, the other the previous state. */
interface GateDense {
  input: KerasLayer
  recurrent: KerasLayer
}

/** One gate's block of a PyTorch [3·units, columns] matrix as a Keras kernel [columns, units]. */
function gateKernel(matrix: Float64Array, gate: number, units: number, columns: number, sign: number) {
  const block = matrix.subarray(gate * units * columns, (gate + 1) * units * columns)
  return transpose(block, units, columns).map((value) => sign * value)
}

function gateBias(bias: Float64Array, gate: number, units: number, sign: number): Float64Array {
  return bias.slice(gate * units, (gate + 1) * units).map((value) => sign * value)
}

function sumBias(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((value, i) => value + b[i])
}

/** Dense layers of one GRU layer: what they are called and the weights they hold. */
function gruDenseLayers(layer: LayerTensors, prefix: string) {
  const { units, inputSize } = layer
  const weights: NamedWeight[] = []
  const dense = (name: string, kernel: Float64Array, rows: number, bias?: Float64Array) => {
    weights.push({ name: `${prefix}_${name}/kernel`, shape: [rows, units], values: kernel })
    if (bias) weights.push({ name: `${prefix}_${name}/bias`, shape: [units], values: bias })
    return denseLayer(`${prefix}_${name}`, units, bias !== undefined)
  }
  // r and z only ever use b_i + b_h, so both biases sit on the input side.
  const gate = (g: number, sign: number, name: string): GateDense => ({
    input: dense(
      `${name}_input`,
      gateKernel(layer.wIh, g, units, inputSize, sign),
      inputSize,
      sumBias(gateBias(layer.bIh, g, units, sign), gateBias(layer.bHh, g, units, sign)),
    ),
    recurrent: dense(`${name}_recurrent`, gateKernel(layer.wHh, g, units, units, sign), units),
  })
  const layers = {
    reset: gate(GATE.reset, 1, 'reset'),
    update: gate(GATE.update, 1, 'update'),
    complement: gate(GATE.update, -1, 'one_minus_update'),
    // b_hn stays inside the reset product, which is what reset_after means.
    candidate: {
      input: dense(
        'candidate_input',
        gateKernel(layer.wIh, GATE.candidate, units, inputSize, 1),
        inputSize,
        gateBias(layer.bIh, GATE.candidate, units, 1),
      ),
      recurrent: dense(
        'candidate_recurrent',
        gateKernel(layer.wHh, GATE.candidate, units, units, 1),
        units,
        gateBias(layer.bHh, GATE.candidate, units, 1),
      ),
    },
    // h₀ = 0: a zero kernel without bias turns the first input into zeros of the state's shape.
    initialState: dense('initial_state', new Float64Array(inputSize * units), inputSize),
  }
  return { layers, weights }
}

/** The hidden state after each step of `inputs` ([batch, inputSize] each), oldest first. */
export function unrollGru(
  graph: FunctionalGraph,
  layer: LayerTensors,
  prefix: string,
  inputs: TensorRef[],
): { states: TensorRef[]; weights: NamedWeight[] } {
  const { layers, weights } = gruDenseLayers(layer, prefix)
  const sigmoid = (name: string) => activationLayer(`${prefix}_${name}`, 'sigmoid')
  const ops = {
    resetSum: addLayer(`${prefix}_reset_sum`),
    reset: sigmoid('reset'),
    updateSum: addLayer(`${prefix}_update_sum`),
    update: sigmoid('update'),
    complementSum: addLayer(`${prefix}_one_minus_update_sum`),
    complement: sigmoid('one_minus_update'),
    gatedRecurrence: multiplyLayer(`${prefix}_reset_recurrence`),
    candidateSum: addLayer(`${prefix}_candidate_sum`),
    candidate: activationLayer(`${prefix}_candidate`, 'tanh'),
    newPart: multiplyLayer(`${prefix}_new_part`),
    keptPart: multiplyLayer(`${prefix}_kept_part`),
    state: addLayer(`${prefix}_state`),
  }
  const call = graph.call.bind(graph)
  const project = (dense: GateDense, x: TensorRef, h: TensorRef) => [
    call(dense.input, [x]),
    call(dense.recurrent, [h]),
  ]

  let h = call(layers.initialState, [inputs[0]])
  const states = inputs.map((x) => {
    const r = call(ops.reset, [call(ops.resetSum, project(layers.reset, x, h))])
    const z = call(ops.update, [call(ops.updateSum, project(layers.update, x, h))])
    const oneMinusZ = call(ops.complement, [call(ops.complementSum, project(layers.complement, x, h))])
    const [candidateInput, candidateRecurrent] = project(layers.candidate, x, h)
    const gated = call(ops.gatedRecurrence, [r, candidateRecurrent])
    const n = call(ops.candidate, [call(ops.candidateSum, [candidateInput, gated])])
    h = call(ops.state, [call(ops.newPart, [oneMinusZ, n]), call(ops.keptPart, [z, h])])
    return h
  })
  return { states, weights }
}
