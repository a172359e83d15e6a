import type { ExportNetwork } from '../network'
import { FunctionalGraph, type FunctionalTopology } from './functional-graph'
import { averageLayer, concatenateLayer } from './graph-layers'
import type { NamedWeight } from './layer-weights'
import { addNetwork, INPUT_NAME, MODEL_NAME } from './unrolled-stack'

/** Layer (and so weight) names of ensemble member m start with this: `m0_lstm_0`, `m1_forecast/bias`. */
export function memberPrefix(m: number): string {
  return `m${m}_`
}

export const ENSEMBLE_MEAN_NAME = 'ensemble_mean'
export const MEMBERS_SIDE_BY_SIDE_NAME = 'members_side_by_side'

/**
 * An ensemble as one Keras functional model: every member's stack and head read the same window
 * input, and an `Average` layer takes the mean of their forecasts, as the app averages members.
 * Each member is built like a single network in the functional form (GRUs unrolled, LSTM /
 * SimpleRNN native), its names prefixed, so members never share a layer or a weight.
 * `sideBySide` concatenates the members' forecasts instead ([batch, members · outputs], member
 * m's at m · outputs), for a consumer that must map each one before averaging (panel log scaling).
 */
export function buildEnsembleGraph(
  networks: ExportNetwork[],
  sideBySide = false,
): {
  topology: FunctionalTopology
  weights: NamedWeight[]
} {
  const { spec, lookback } = networks[0]
  const graph = new FunctionalGraph()
  const input = graph.input(INPUT_NAME, [null, lookback, spec.inputSize])
  const weights: NamedWeight[] = []
  const forecasts = networks.map((network, m) => {
    const member = addNetwork(graph, input, network, memberPrefix(m))
    weights.push(...member.weights)
    return member.output
  })
  const combined = sideBySide
    ? graph.call(concatenateLayer(MEMBERS_SIDE_BY_SIDE_NAME, -1), forecasts)
    : graph.call(averageLayer(ENSEMBLE_MEAN_NAME), forecasts)
  return { topology: graph.topology(MODEL_NAME, [combined]), weights }
}
