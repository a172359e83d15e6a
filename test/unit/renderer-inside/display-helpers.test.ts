import { describe, expect, it } from 'vitest'
import { colourAt, scaleFor } from '../../../renderer/src/screens/inside/colour-scale'
import { equationRows } from '../../../renderer/src/screens/inside/equations'
import { cellAt, columnRect, moveCell } from '../../../renderer/src/screens/inside/heatmap-geometry'
import { diagramValues, heatmapCells } from '../../../renderer/src/screens/inside/trace-data'
import { engineTrace } from './engine-trace'

describe('colour scales', () => {
  const { view } = engineTrace(['lstm'])

  it('maps sigmoid gates on the fixed range (0, 1) and tanh outputs on (−1, 1)', () => {
    expect(scaleFor(heatmapCells(view, 0, 'f'))).toEqual({ kind: 'sequential', min: 0, max: 1 })
    expect(scaleFor(heatmapCells(view, 0, 'g'))).toEqual({ kind: 'diverging', min: -1, max: 1 })
  })

  it('bounds the unbounded cell state by its largest |value|, centred on zero', () => {
    const cells = heatmapCells(view, 0, 'c')
    const largest = Math.max(...cells.values.flat().map(Math.abs))
    expect(scaleFor(cells)).toEqual({ kind: 'diverging', min: -largest, max: largest })
  })

  it('gives the ends and the centre of the diverging map their stop colours, clamping outside', () => {
    const scale = { kind: 'diverging' as const, min: -1, max: 1 }
    expect(colourAt(scale, -1)).toEqual([33, 102, 172])
    expect(colourAt(scale, 0)).toEqual([247, 247, 247])
    expect(colourAt(scale, 5)).toEqual([178, 24, 43])
    expect(colourAt(scale, Number.NaN)).toEqual([128, 128, 128])
  })
})

describe('heat map geometry', () => {
  const size = { width: 360, height: 80, steps: 24, units: 8 }

  it('finds the cell under a point and the column of a step', () => {
    expect(cellAt(size, 0, 0)).toEqual({ step: 0, unit: 0 })
    expect(cellAt(size, 359.9, 79.9)).toEqual({ step: 23, unit: 7 })
    expect(cellAt(size, 360, 10)).toBeNull()
    expect(columnRect(size, 2)).toEqual({ x: 30, width: 15 })
  })

  it('moves the keyboard cursor with the arrows and keeps it on the map', () => {
    expect(moveCell(size, { step: 0, unit: 0 }, 'ArrowLeft')).toEqual({ step: 0, unit: 0 })
    expect(moveCell(size, { step: 3, unit: 7 }, 'ArrowDown')).toEqual({ step: 3, unit: 7 })
    expect(moveCell(size, { step: 3, unit: 2 }, 'ArrowRight')).toEqual({ step: 4, unit: 2 })
    expect(moveCell(size, { step: 3, unit: 2 }, 'a')).toBeNull()
  })
})

describe('equations with numbers', () => {
  it('writes the cell-state update with the diagram’s own values', () => {
    const { view } = engineTrace(['lstm'])
    const values = diagramValues(view, 0, 5, 1)
    if (values.cell !== 'lstm') throw new Error('expected an LSTM layer')
    const rows = equationRows(values, (value) => value.toFixed(3))
    expect(rows.map((row) => row.key)).toEqual(['f', 'i', 'g', 'c', 'o', 'h'])
    const update = rows.find((row) => row.key === 'c')!
    expect(update.formula).toBe('cₜ = fₜ·cₜ₋₁ + iₜ·c̃ₜ')
    expect(update.numbers).toContain(values.f.toFixed(3))
    expect(update.result).toBe(values.c)
    expect(rows.find((row) => row.key === 'h')!.formula).toBe('hₜ = oₜ·tanh(cₜ)')
  })
})
