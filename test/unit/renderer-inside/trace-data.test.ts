import { describe, expect, it } from 'vitest'
import {
  diagramValues,
  gradientPoints,
  heatmapCells,
  panelsOf,
  valueAt,
} from '../../../renderer/src/screens/inside/trace-data'
import type { Panel } from '../../../renderer/src/screens/inside/trace-data'
import { engineTrace } from './engine-trace'

/** The engine's own matrix for a panel, read straight from inspectWindow's result. */
function engineMatrix(
  layer: { gates: Record<string, number[][]>; c?: number[][]; h: number[][] },
  panel: Panel,
) {
  return panel === 'h' ? layer.h : panel === 'c' ? layer.c : layer.gates[panel]
}

describe('the values shown equal the engine’s for that window', () => {
  for (const cells of [['lstm', 'lstm'], ['gru'], ['rnn', 'lstm']] as const) {
    const { engine, view } = engineTrace([...cells])

    it(`heat maps of a ${cells.join(' → ')} stack hold the engine's value at every (layer, step, unit)`, () => {
      engine.layers.forEach((layer, k) => {
        for (const panel of panelsOf(layer.cell)) {
          const map = heatmapCells(view, k, panel)
          const expected = engineMatrix(layer, panel)!
          expect(map.steps).toBe(expected.length)
          expect(map.units).toBe(layer.units)
          for (let t = 0; t < map.steps; t++)
            for (let u = 0; u < map.units; u++) expect(valueAt(map, t, u)).toBe(expected[t]![u])
        }
      })
    })
  }

  it('shows every panel the engine traced, and no other', () => {
    const { engine } = engineTrace(['lstm', 'gru', 'rnn'])
    for (const layer of engine.layers) {
      const states = layer.c ? ['c', 'h'] : ['h']
      expect([...panelsOf(layer.cell)].sort()).toEqual([...Object.keys(layer.gates), ...states].sort())
    }
  })

  it('gives the diagram the engine’s gates, states and previous states of an LSTM unit', () => {
    const { engine, view } = engineTrace(['lstm', 'lstm'])
    engine.layers.forEach((layer, k) => {
      for (let t = 0; t < 12; t++) {
        for (let u = 0; u < layer.units; u++) {
          const values = diagramValues(view, k, t, u)
          if (values.cell !== 'lstm') throw new Error('expected an LSTM layer')
          expect(values.f).toBe(layer.gates.f![t]![u])
          expect(values.i).toBe(layer.gates.i![t]![u])
          expect(values.g).toBe(layer.gates.g![t]![u])
          expect(values.o).toBe(layer.gates.o![t]![u])
          expect(values.c).toBe(layer.c![t]![u])
          expect(values.h).toBe(layer.h[t]![u])
          expect(values.cPrev).toBe(t === 0 ? 0 : layer.c![t - 1]![u])
          expect(values.hPrev).toBe(t === 0 ? 0 : layer.h[t - 1]![u])
          // The course's equations hold on the numbers the diagram shows.
          expect(values.c).toBeCloseTo(values.f * values.cPrev + values.i * values.g, 12)
          expect(values.h).toBeCloseTo(values.o * Math.tanh(values.c), 12)
        }
      }
    })
  })

  it('gives GRU and RNN diagrams values that satisfy their own equations', () => {
    const { view } = engineTrace(['gru', 'rnn'])
    for (let t = 0; t < 12; t++) {
      const gru = diagramValues(view, 0, t, 1)
      if (gru.cell !== 'gru') throw new Error('expected a GRU layer')
      expect(gru.h).toBeCloseTo((1 - gru.z) * gru.n + gru.z * gru.hPrev, 12)
      const rnn = diagramValues(view, 1, t, 2)
      if (rnn.cell !== 'rnn') throw new Error('expected an RNN layer')
      expect(rnn.h).toBeCloseTo(Math.tanh(rnn.pre), 12)
    }
  })

  it('plots the engine’s ‖∂loss/∂h_t‖ against t = 1…steps', () => {
    const { engine, view } = engineTrace(['lstm'])
    const points = gradientPoints(view, 0)
    expect(points.map((point) => point.x)).toEqual(Array.from({ length: 12 }, (_, t) => t + 1))
    expect(points.map((point) => point.y)).toEqual(engine.layers[0]!.hiddenGradNorm)
  })

  it('refuses a layer, step or unit the window does not have', () => {
    const { view } = engineTrace(['lstm'])
    expect(() => heatmapCells(view, 1, 'f')).toThrow(RangeError)
    expect(() => heatmapCells(view, 0, 'z')).toThrow(RangeError)
    expect(() => diagramValues(view, 0, 12, 0)).toThrow(RangeError)
    expect(() => diagramValues(view, 0, 0, 3)).toThrow(RangeError)
  })
})
