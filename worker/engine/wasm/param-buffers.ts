import { findParam, paramLayout } from '../layout'
import { gateCount, layerInputSize } from '../spec'
import type { CellType, FloatArray, ModelSpec } from '../types'
import type { LinearArena } from './arena'
import type { KernelExports } from './kernel-exports'

/** Weights of one layer in linear memory, in both orientations the kernels want. */
export interface LayerParams {
  cell: CellType
  inputSize: number
  units: number
  rows: number
  /** [inputSize, rows] and [units, rows]: forward products are then NN and vectorise along rows */
  wIhT: number
  wHhT: number
  /** [rows, inputSize] and [rows, units], PyTorch order: backward products dX = dG·W are NN */
  wIh: number
  wHh: number
  /** b_ih + b_hh, which LSTM and RNN only use summed; GRU: b_ih alone, b_hh in biasHh */
  bias: number
  biasHh: number
  /** gradients, transposed like wIhT / wHhT; dBias serves b_ih and b_hh except for GRU (dBiasHh) */
  dWIhT: number
  dWHhT: number
  dBias: number
  dBiasHh: number
  offsets: { wIh: number; wHh: number; bIh: number; bHh: number }
}

export interface ParamBuffers {
  layers: LayerParams[]
  outputSize: number
  /** [outputSize, topUnits], its transpose, bias, and their gradients */
  headW: number
  headWT: number
  headB: number
  dHeadW: number
  dHeadB: number
  headOffsets: { w: number; b: number }
  /** room to transpose the largest weight gradient back to PyTorch order */
  scratch: number
}

export function allocateParamBuffers(spec: ModelSpec, arena: LinearArena): ParamBuffers {
  const layout = paramLayout(spec)
  let largest = 0
  const layers = spec.layers.map((layer, k): LayerParams => {
    const inputSize = layerInputSize(spec, k)
    const units = layer.units
    const rows = gateCount(layer.cell) * units
    largest = Math.max(largest, rows * Math.max(inputSize, units))
    const offset = (name: string): number => findParam(layout, `layers.${k}.${name}`).offset
    const isGru = layer.cell === 'gru'
    return {
      cell: layer.cell,
      inputSize,
      units,
      rows,
      wIhT: arena.alloc(inputSize * rows),
      wHhT: arena.alloc(units * rows),
      wIh: arena.alloc(rows * inputSize),
      wHh: arena.alloc(rows * units),
      bias: arena.alloc(rows),
      biasHh: isGru ? arena.alloc(rows) : 0,
      dWIhT: arena.alloc(inputSize * rows),
      dWHhT: arena.alloc(units * rows),
      dBias: arena.alloc(rows),
      dBiasHh: isGru ? arena.alloc(rows) : 0,
      offsets: { wIh: offset('W_ih'), wHh: offset('W_hh'), bIh: offset('b_ih'), bHh: offset('b_hh') },
    }
  })
  const topUnits = spec.layers[spec.layers.length - 1].units
  const head = spec.outputSize * topUnits
  return {
    layers,
    outputSize: spec.outputSize,
    headW: arena.alloc(head),
    headWT: arena.alloc(head),
    headB: arena.alloc(spec.outputSize),
    dHeadW: arena.alloc(head),
    dHeadB: arena.alloc(spec.outputSize),
    headOffsets: { w: findParam(layout, 'head.W').offset, b: findParam(layout, 'head.b').offset },
    scratch: arena.alloc(Math.max(largest, head)),
  }
}

/** Copies the flat PyTorch-layout params into linear memory (O(params), once per batch). */
export function uploadParams(
  buffers: ParamBuffers,
  params: FloatArray,
  kernels: KernelExports,
  arena: LinearArena,
): void {
  for (const layer of buffers.layers) {
    const { inputSize, units, rows, offsets } = layer
    arena
      .floats(layer.wIh, rows * inputSize)
      .set(params.subarray(offsets.wIh, offsets.wIh + rows * inputSize))
    arena.floats(layer.wHh, rows * units).set(params.subarray(offsets.wHh, offsets.wHh + rows * units))
    kernels.transpose(layer.wIh, layer.wIhT, rows, inputSize)
    kernels.transpose(layer.wHh, layer.wHhT, rows, units)
    const bias = arena.floats(layer.bias, rows)
    if (layer.biasHh !== 0) {
      bias.set(params.subarray(offsets.bIh, offsets.bIh + rows))
      arena.floats(layer.biasHh, rows).set(params.subarray(offsets.bHh, offsets.bHh + rows))
    } else {
      for (let r = 0; r < rows; r++) bias[r] = params[offsets.bIh + r] + params[offsets.bHh + r]
    }
  }
  const { outputSize } = buffers
  const head = buffers.headOffsets
  const size = outputSize * topUnits(buffers)
  arena.floats(buffers.headW, size).set(params.subarray(head.w, head.w + size))
  arena.floats(buffers.headB, outputSize).set(params.subarray(head.b, head.b + outputSize))
  kernels.transpose(buffers.headW, buffers.headWT, outputSize, topUnits(buffers))
}

/** Zeroes the gradient accumulators before a backward pass. */
export function clearGradients(buffers: ParamBuffers, arena: LinearArena): void {
  for (const layer of buffers.layers) {
    arena.floats(layer.dWIhT, layer.inputSize * layer.rows).fill(0)
    arena.floats(layer.dWHhT, layer.units * layer.rows).fill(0)
    arena.floats(layer.dBias, layer.rows).fill(0)
    if (layer.dBiasHh !== 0) arena.floats(layer.dBiasHh, layer.rows).fill(0)
  }
}

/** Writes every gradient into `grads` in the PyTorch layout (overwriting it). */
export function downloadGradients(
  buffers: ParamBuffers,
  grads: FloatArray,
  kernels: KernelExports,
  arena: LinearArena,
): void {
  for (const layer of buffers.layers) {
    const { inputSize, units, rows, offsets } = layer
    kernels.transpose(layer.dWIhT, buffers.scratch, inputSize, rows)
    grads.set(arena.floats(buffers.scratch, rows * inputSize), offsets.wIh)
    kernels.transpose(layer.dWHhT, buffers.scratch, units, rows)
    grads.set(arena.floats(buffers.scratch, rows * units), offsets.wHh)
    grads.set(arena.floats(layer.dBias, rows), offsets.bIh)
    grads.set(arena.floats(layer.dBiasHh !== 0 ? layer.dBiasHh : layer.dBias, rows), offsets.bHh)
  }
  const size = buffers.outputSize * topUnits(buffers)
  grads.set(arena.floats(buffers.dHeadW, size), buffers.headOffsets.w)
  grads.set(arena.floats(buffers.dHeadB, buffers.outputSize), buffers.headOffsets.b)
}

export function topUnits(buffers: ParamBuffers): number {
  return buffers.layers[buffers.layers.length - 1].units
}
