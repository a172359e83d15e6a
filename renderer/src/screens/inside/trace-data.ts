import type { CellTraceView, LayerTraceView } from '../../../../electron/api/requests/inside'

/** One heat map of the view: a gate of the cell, or one of its states. */
export type Panel = 'f' | 'i' | 'o' | 'g' | 'c' | 'h' | 'r' | 'z' | 'n' | 'pre'

/** The maps each cell has, in the order of the course: gates first, then what they produce. */
export function panelsOf(cell: LayerTraceView['cell']): Panel[] {
  if (cell === 'lstm') return ['f', 'i', 'o', 'g', 'c', 'h']
  if (cell === 'gru') return ['r', 'z', 'n', 'h']
  return ['pre', 'h']
}

export interface HeatmapCells {
  panel: Panel
  steps: number
  units: number
  /** [step][unit]: the engine's values, untouched. */
  values: number[][]
}

function layerOf(trace: CellTraceView, layer: number): LayerTraceView {
  const found = trace.layers[layer]
  if (!found) throw new RangeError(`The trace has ${trace.layers.length} layers, not ${layer + 1}`)
  return found
}

function matrixOf(layer: LayerTraceView, panel: Panel): number[][] {
  const matrix = panel === 'h' ? layer.h : panel === 'c' ? layer.c : layer.gates[panel]
  if (!matrix) throw new RangeError(`A ${layer.cell} layer has no ${panel} values`)
  return matrix
}

export function heatmapCells(trace: CellTraceView, layer: number, panel: Panel): HeatmapCells {
  const found = layerOf(trace, layer)
  const values = matrixOf(found, panel)
  return { panel, steps: values.length, units: found.units, values }
}

export function valueAt(cells: HeatmapCells, step: number, unit: number): number {
  const value = cells.values[step]?.[unit]
  if (value === undefined) throw new RangeError(`No value at step ${step}, unit ${unit}`)
  return value
}

/** What the diagram shows for one unit at one step; the states before step 0 are the engine's zeros. */
export type DiagramValues =
  | {
      cell: 'lstm'
      f: number
      i: number
      g: number
      o: number
      cPrev: number
      c: number
      hPrev: number
      h: number
    }
  | { cell: 'gru'; r: number; z: number; n: number; hPrev: number; h: number }
  | { cell: 'rnn'; pre: number; hPrev: number; h: number }

export function diagramValues(
  trace: CellTraceView,
  layer: number,
  step: number,
  unit: number,
): DiagramValues {
  const found = layerOf(trace, layer)
  if (step < 0 || step >= found.h.length || unit < 0 || unit >= found.units) {
    throw new RangeError(`No value at step ${step}, unit ${unit}`)
  }
  const at = (matrix: number[][], t: number): number => (t < 0 ? 0 : (matrix[t]?.[unit] ?? Number.NaN))
  const h = at(found.h, step)
  const hPrev = at(found.h, step - 1)
  const gate = (name: Panel): number => at(matrixOf(found, name), step)
  if (found.cell === 'lstm') {
    const c = matrixOf(found, 'c')
    return {
      cell: 'lstm',
      f: gate('f'),
      i: gate('i'),
      g: gate('g'),
      o: gate('o'),
      cPrev: at(c, step - 1),
      c: at(c, step),
      hPrev,
      h,
    }
  }
  if (found.cell === 'gru') return { cell: 'gru', r: gate('r'), z: gate('z'), n: gate('n'), hPrev, h }
  return { cell: 'rnn', pre: gate('pre'), hPrev, h }
}

/** Gradient norms of a layer with zeros dropped: a log axis has no place for them. */
export function gradientPoints(trace: CellTraceView, layer: number): Array<{ x: number; y: number | null }> {
  const norms = layerOf(trace, layer).hiddenGradNorm ?? []
  return norms.map((value, t) => ({ x: t + 1, y: value > 0 && Number.isFinite(value) ? value : null }))
}
