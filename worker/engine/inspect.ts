import { cellKernel } from './cells'
import { createReferenceBackend } from './reference-backend'
import type { CellType, FloatArray, LossKind, ModelSpec } from './types'

/** What one layer did over one window; every matrix is [steps][units]. */
export interface LayerTrace {
  cell: CellType
  units: number
  /** LSTM: i, f, g (candidate c̃), o; GRU: r, z, n; RNN: pre (pre-activation). */
  gates: Record<string, number[][]>
  /** LSTM cell state. */
  c?: number[][]
  h: number[][]
  /** ‖∂loss/∂h_t‖ per step: the total gradient reaching h_t, recurrence included (when y is given). */
  hiddenGradNorm?: number[]
}

export interface WindowTrace {
  layers: LayerTrace[]
  output: number[]
  loss?: number
}

/**
 * Replays one window [steps·features] through the model in float64 and returns the values
 * the "inside the cell" view draws. With a target y it also backpropagates (full BPTT, no
 * dropout) to show how much gradient reaches each hidden state.
 */
export function inspectWindow(
  spec: ModelSpec,
  params: FloatArray,
  x: ArrayLike<number>,
  y?: ArrayLike<number>,
  loss: LossKind = 'mse',
): WindowTrace {
  const steps = x.length / spec.inputSize
  if (!Number.isInteger(steps) || steps === 0) {
    throw new Error(`x has ${x.length} values, expected a positive multiple of inputSize ${spec.inputSize}`)
  }
  const backend = createReferenceBackend(spec, 'float64')
  const input = Float64Array.from(x)
  const output = new Float64Array(spec.outputSize)
  let lossValue: number | undefined
  if (y) {
    if (y.length !== spec.outputSize)
      throw new Error(`y has ${y.length} values, expected outputSize ${spec.outputSize}`)
    const grads = new Float64Array(params.length)
    const data = { x: input, y: Float64Array.from(y), batch: 1, steps }
    lossValue = backend.lossAndGradients(params, grads, data, { loss, training: false })
  }
  backend.forward(params, input, 1, steps, output)
  const layers = spec.layers.map((layer, k) =>
    traceLayer(layer.cell, layer.units, steps, backend.layerRecord(k, 1, steps), !!y),
  )
  return { layers, output: Array.from(output), ...(lossValue === undefined ? {} : { loss: lossValue }) }
}

function traceLayer(
  cell: CellType,
  units: number,
  steps: number,
  record: { h: FloatArray; gates: FloatArray; aux: FloatArray; dh: FloatArray },
  withGradients: boolean,
): LayerTrace {
  const kernel = cellKernel(cell)
  const rows = kernel.gates * units
  const gates: Record<string, number[][]> = {}
  kernel.gateNames.forEach((name, gate) => {
    gates[name] = perStep(steps, (t) =>
      record.gates.subarray(t * rows + gate * units, t * rows + (gate + 1) * units),
    )
  })
  const trace: LayerTrace = {
    cell,
    units,
    gates,
    h: perStep(steps, (t) => record.h.subarray(t * units, (t + 1) * units)),
  }
  if (cell === 'lstm') {
    const auxWidth = kernel.auxPerUnit * units
    trace.c = perStep(steps, (t) => record.aux.subarray(t * auxWidth, t * auxWidth + units))
  }
  if (withGradients) {
    trace.hiddenGradNorm = perStep(steps, (t) => record.dh.subarray(t * units, (t + 1) * units)).map(norm)
  }
  return trace
}

function perStep(steps: number, slice: (t: number) => FloatArray): number[][] {
  return Array.from({ length: steps }, (_, t) => Array.from(slice(t)))
}

function norm(values: number[]): number {
  return Math.sqrt(values.reduce((sum, value) => sum + value * value, 0))
}
