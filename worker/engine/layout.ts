import { gateCount, layerInputSize, validateSpec } from './spec'
import type { ModelSpec, ParamEntry, ParamLayout } from './types'

/** PyTorch order: per layer W_ih, W_hh, b_ih, b_hh; then head W, b. */
export function paramLayout(spec: ModelSpec): ParamLayout {
  validateSpec(spec)
  const layout: ParamEntry[] = []
  let offset = 0
  const add = (name: string, shape: number[]): void => {
    const size = shape.reduce((product, dim) => product * dim, 1)
    layout.push({ name, shape, offset, size })
    offset += size
  }
  spec.layers.forEach((layer, k) => {
    const rows = gateCount(layer.cell) * layer.units
    add(`layers.${k}.W_ih`, [rows, layerInputSize(spec, k)])
    add(`layers.${k}.W_hh`, [rows, layer.units])
    add(`layers.${k}.b_ih`, [rows])
    add(`layers.${k}.b_hh`, [rows])
  })
  const topUnits = spec.layers[spec.layers.length - 1].units
  add('head.W', [spec.outputSize, topUnits])
  add('head.b', [spec.outputSize])
  return layout
}

export function paramCount(spec: ModelSpec): number {
  const layout = paramLayout(spec)
  const last = layout[layout.length - 1]
  return last.offset + last.size
}

export function layoutSize(layout: ParamLayout): number {
  return layout.reduce((total, entry) => total + entry.size, 0)
}

export function findParam(layout: ParamLayout, name: string): ParamEntry {
  const entry = layout.find((candidate) => candidate.name === name)
  if (!entry) throw new Error(`Parameter "${name}" is not part of this model`)
  return entry
}

/** Name of the parameter tensor that owns flat index `index`. */
export function paramNameAt(layout: ParamLayout, index: number): string {
  const entry = layout.find(
    (candidate) => index >= candidate.offset && index < candidate.offset + candidate.size,
  )
  return entry ? entry.name : `index ${index}`
}
