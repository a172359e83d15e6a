import { allocateFloats } from './buffers'
import { cellKernel, type CellKernel, type StepBuffers } from './cells'
import { findParam, paramLayout } from './layout'
import { gateCount, layerInputSize } from './spec'
import type { CellType, FloatArray, ModelSpec, Precision } from './types'

/** Everything one layer needs for a batch, allocated once and reused across calls. */
export interface LayerWorkspace {
  cell: CellType
  kernel: CellKernel
  inputSize: number
  units: number
  rows: number
  dropout: number
  offsets: { wIh: number; wHh: number; bIh: number; bHh: number }
  /** [batch, steps, units] hidden states */
  h: FloatArray
  /** [batch, steps, gates·units] stored gate values */
  gates: FloatArray
  /** [batch, steps, auxPerUnit·units] */
  aux: FloatArray
  /** [batch, units] / [batch, auxPerUnit·units] initial state, zero unless a caller sets it */
  h0: FloatArray
  aux0: FloatArray
  /** [batch, steps, units] dropout mask and the masked output fed upward; empty when unused */
  mask: FloatArray
  dropped: FloatArray
  /** [batch, steps, units] ∂loss/∂h_t; after backward it holds the TOTAL gradient reaching h_t */
  dh: FloatArray
  step: StepBuffers
  /** Sink for gradients into states before the (truncated) window, which are constants. */
  discard: FloatArray
}

export interface Workspace {
  batch: number
  steps: number
  layers: LayerWorkspace[]
  headW: number
  headB: number
  /** [batch, outputSize] */
  output: FloatArray
  dOutput: FloatArray
  /** Set by forward: whether layer outputs went through their masks. */
  dropoutActive: boolean
}

export function createWorkspace(
  spec: ModelSpec,
  precision: Precision,
  batch: number,
  steps: number,
): Workspace {
  const layout = paramLayout(spec)
  const layers = spec.layers.map((layer, k): LayerWorkspace => {
    const kernel = cellKernel(layer.cell)
    const units = layer.units
    const rows = gateCount(layer.cell) * units
    const auxWidth = kernel.auxPerUnit * units
    const sequence = batch * steps * units
    // Dropout sits between layers (PyTorch nn.LSTM style): the top layer feeds the head undropped.
    const hasDropout = k < spec.layers.length - 1 && (layer.dropout ?? 0) > 0
    const alloc = (n: number): FloatArray => allocateFloats(precision, n)
    const h = alloc(sequence)
    const gates = alloc(batch * steps * rows)
    const aux = alloc(batch * steps * auxWidth)
    const step: StepBuffers = {
      units,
      preIH: alloc(rows),
      preHH: alloc(rows),
      hPrev: h,
      hPrevOff: 0,
      auxPrev: aux,
      auxPrevOff: 0,
      gates,
      gatesOff: 0,
      aux,
      auxOff: 0,
      h,
      hOff: 0,
      dh: h,
      dhOff: 0,
      carry: alloc(units),
      dPreIH: alloc(rows),
      dPreHH: alloc(rows),
      dhPrev: h,
      dhPrevOff: 0,
    }
    return {
      cell: layer.cell,
      kernel,
      inputSize: layerInputSize(spec, k),
      units,
      rows,
      dropout: hasDropout ? layer.dropout : 0,
      offsets: {
        wIh: findParam(layout, `layers.${k}.W_ih`).offset,
        wHh: findParam(layout, `layers.${k}.W_hh`).offset,
        bIh: findParam(layout, `layers.${k}.b_ih`).offset,
        bHh: findParam(layout, `layers.${k}.b_hh`).offset,
      },
      h,
      gates,
      aux,
      h0: alloc(batch * units),
      aux0: alloc(batch * auxWidth),
      mask: alloc(hasDropout ? sequence : 0),
      dropped: alloc(hasDropout ? sequence : 0),
      dh: alloc(sequence),
      step,
      discard: alloc(units),
    }
  })
  return {
    batch,
    steps,
    layers,
    headW: findParam(layout, 'head.W').offset,
    headB: findParam(layout, 'head.b').offset,
    output: allocateFloats(precision, batch * spec.outputSize),
    dOutput: allocateFloats(precision, batch * spec.outputSize),
    dropoutActive: false,
  }
}

/** The sequence layer k hands to layer k+1: masked during training with dropout, else h itself. */
export function layerOutput(workspace: Workspace, k: number): FloatArray {
  const layer = workspace.layers[k]
  return workspace.dropoutActive && layer.dropout > 0 ? layer.dropped : layer.h
}

/** Points the step buffers at the state of step t−1 (or the initial state when t = 0). */
export function pointAtPrevious(layer: LayerWorkspace, steps: number, b: number, t: number): void {
  const s = layer.step
  const auxWidth = layer.kernel.auxPerUnit * layer.units
  if (t === 0) {
    s.hPrev = layer.h0
    s.hPrevOff = b * layer.units
    s.auxPrev = layer.aux0
    s.auxPrevOff = b * auxWidth
  } else {
    s.hPrev = layer.h
    s.hPrevOff = (b * steps + t - 1) * layer.units
    s.auxPrev = layer.aux
    s.auxPrevOff = (b * steps + t - 1) * auxWidth
  }
}

/** Points the step buffers at the stored values of step t. */
export function pointAtCurrent(layer: LayerWorkspace, steps: number, b: number, t: number): void {
  const s = layer.step
  const index = b * steps + t
  s.gatesOff = index * layer.rows
  s.auxOff = index * layer.kernel.auxPerUnit * layer.units
  s.hOff = index * layer.units
  s.dhOff = index * layer.units
}
