import type { FunctionalGraph, TensorRef } from './functional-graph'
import { concatenateLayer, croppingRowsLayer, reshapeLayer } from './graph-layers'

/**
 * Conversions between a sequence tensor [batch, lookback, width] (what native Keras recurrent
 * layers read and write) and one [batch, width] tensor per time step (what unrolled cells use).
 * tfjs-layers 4.22 has no Cropping1D or slicing layer, so a step is cut out with Cropping2D on a
 * [lookback, width, 1] view of the sequence: reshapes and crops move values, never compute them.
 */

/** Every time step of `sequence`, oldest first. All crops come before the first use of a step. */
export function splitSteps(
  graph: FunctionalGraph,
  sequence: TensorRef,
  prefix: string,
  lookback: number,
  width: number,
): TensorRef[] {
  const image = graph.call(reshapeLayer(`${prefix}_as_rows`, [lookback, width, 1]), [sequence])
  const rows = Array.from({ length: lookback }, (_, t) =>
    graph.call(croppingRowsLayer(`${prefix}_step_${t}`, t, lookback - 1 - t), [image]),
  )
  const flatten = reshapeLayer(`${prefix}_step`, [width])
  return rows.map((row) => graph.call(flatten, [row]))
}

/** The steps stacked back along the time axis: [batch, steps, width]. */
export function joinSteps(
  graph: FunctionalGraph,
  steps: TensorRef[],
  prefix: string,
  width: number,
): TensorRef {
  const asRow = reshapeLayer(`${prefix}_as_row`, [1, width])
  const rows = steps.map((step) => graph.call(asRow, [step]))
  // Concatenate needs at least two inputs; a one-step sequence already is its only row.
  return rows.length === 1 ? rows[0] : graph.call(concatenateLayer(`${prefix}_sequence`, 1), rows)
}
