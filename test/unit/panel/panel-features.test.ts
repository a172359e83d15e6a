import { describe, expect, it } from 'vitest'
import { firstPositions, seasonPosition } from '../../../worker/panel/calendar-features'
import { panelSpec, trainGlobalModel } from '../../../worker/panel/global-model'
import { forecastPanel } from '../../../worker/panel/panel-forecast'
import { autoPanelConfig } from '../../../worker/panel/panel-auto'
import { fitInputEncoding, panelInputSize, seriesFeatures } from '../../../worker/panel/panel-features'
import {
  fitStaticEncodings,
  MAX_CATEGORIES,
  MissingAttributeError,
  staticEncoder,
} from '../../../worker/panel/static-features'
import type { PanelSeries } from '../../../worker/panel/types'
import { buildWindows } from '../../../worker/panel/window-builder'

const series = (kind: string | null, size: number | null, n = 4): PanelSeries => ({
  key: [`${kind}-${size}`],
  values: Float64Array.from({ length: n }, (_, t) => 10 + t),
  attributes: { kind, size },
})

describe('static attributes as inputs', () => {
  const panel = [series('MICRO', 1), series('MICRO', 2), series('MACRO', 3), series('MICRO', 6)]
  it('one-hot encodes a category, most frequent first, and reads an unseen one as all zeros', () => {
    const [encoding] = fitStaticEncodings(panel, ['kind'])
    expect(encoding).toEqual({ name: 'kind', kind: 'categorical', categories: ['MICRO', 'MACRO'], other: [] })
    const encode = staticEncoder([encoding])
    expect(Array.from(encode(series('MACRO', 0)))).toEqual([0, 1])
    expect(Array.from(encode(series('MICRO', 0)))).toEqual([1, 0])
    expect(Array.from(encode(series('FINANCE', 0)))).toEqual([0, 0])
    expect(Array.from(encode(series(null, 0)))).toEqual([0, 0])
  })
  it('standardises a number with the training panel’s mean and standard deviation', () => {
    const [encoding] = fitStaticEncodings(panel, ['size'])
    expect(encoding.kind).toBe('numeric')
    if (encoding.kind !== 'numeric') return
    expect(encoding.mean).toBe(3)
    expect(encoding.sd).toBeCloseTo(Math.sqrt((4 + 1 + 0 + 9) / 3), 12)
    const [scaled] = staticEncoder([encoding])(series('x', 3 + 2 * encoding.sd))
    expect(scaled).toBeCloseTo(2, 6)
    expect(staticEncoder([encoding])(series('x', null))[0]).toBe(0)
  })
  it(`keeps the ${MAX_CATEGORIES} most frequent categories and folds the rest into one 'other' input`, () => {
    const many = Array.from({ length: MAX_CATEGORIES + 5 }, (_, i) => series(`c${i}`, 1))
    many.push(series('c7', 1), series('c7', 1))
    const [encoding] = fitStaticEncodings(many, ['kind'])
    if (encoding.kind !== 'categorical') throw new Error('expected a categorical encoding')
    expect(encoding.categories).toHaveLength(MAX_CATEGORIES)
    expect(encoding.categories[0]).toBe('c7')
    expect(encoding.other).toHaveLength(5)
    const encode = staticEncoder([encoding])
    const rare = encode(series(encoding.other[0], 1))
    expect(rare).toHaveLength(MAX_CATEGORIES + 1)
    expect(rare[MAX_CATEGORIES]).toBe(1)
    expect(rare.reduce((a, b) => a + b, 0)).toBe(1)
    expect(encode(series('never seen', 1)).every((v) => v === 0)).toBe(true)
  })
  it('names the column when a series lacks an attribute the model reads', () => {
    const bare: PanelSeries = { key: ['a'], values: [1, 2, 3] }
    expect(() => staticEncoder(fitStaticEncodings(panel, ['kind']))(bare)).toThrow(MissingAttributeError)
    expect(() => fitStaticEncodings([bare], ['region'])).toThrow(/"region"/)
  })
})

describe('calendar inputs', () => {
  it('reads the position in the season from each timestamp', () => {
    const quarter = { unit: 'quarter' as const, step: 1 }
    expect(seasonPosition(Date.UTC(1990, 0, 1), quarter, 4)).toBe(0)
    expect(seasonPosition(Date.UTC(1990, 3, 1), quarter, 4)).toBe(1)
    expect(seasonPosition(Date.UTC(1991, 9, 1), quarter, 4)).toBe(3)
    expect(seasonPosition(Date.UTC(2024, 0, 3, 17), { unit: 'hour', step: 1 }, 24)).toBe(17)
    const monday = Date.UTC(2024, 0, 1)
    const day = { unit: 'day' as const, step: 1 }
    expect(seasonPosition(monday + 7 * 86_400_000, day, 7)).toBe(seasonPosition(monday, day, 7))
    expect(seasonPosition(Date.UTC(2023, 0, 8), { unit: 'week', step: 1 }, 52)).toBe(1)
  })
  it('counts from the index, after the dropped leading gap, when the panel has no dates', () => {
    const plain = [{ timestamps: null }, { timestamps: null }]
    expect(Array.from(firstPositions(plain, [0, 6], null, 4))).toEqual([0, 2])
  })
  it('refuses a panel without a season', () => {
    expect(() => fitInputEncoding([series('a', 1)], { calendar: true }, 1)).toThrow(/seasonal panel/)
  })
})

describe('windows with extra inputs', () => {
  const quarterly: PanelSeries[] = [
    {
      key: ['a'],
      values: Float64Array.from([1, 2, 3, 4, 5, 6]),
      // Starts in the third quarter.
      timestamps: Float64Array.from([6, 9, 0, 3, 6, 9], (m, i) =>
        Date.UTC(1990 + Math.floor((i + 2) / 4), m, 1),
      ),
      attributes: { kind: 'MICRO', size: 2 },
    },
    {
      key: ['b'],
      values: Float64Array.from([5, 5]),
      timestamps: null,
      attributes: { kind: 'MACRO', size: 4 },
    },
  ]
  const encoding = fitInputEncoding(quarterly, { staticInputs: ['kind', 'size'], calendar: true }, 4)!
  const features = seriesFeatures(encoding, quarterly, [0, 0], { unit: 'quarter', step: 1 })
  const values = quarterly.map((s) => Float64Array.from(s.values))
  it('carries the static inputs and the season’s phase at every step, padded ones included', () => {
    // One series each: the tie is broken by name, MACRO first.
    expect(panelInputSize(encoding)).toBe(2 + 2 + 1 + 2)
    const lookback = 4
    const { x } = buildWindows(
      values,
      [
        { series: 0, origin: 3 },
        { series: 1, origin: 2 },
      ],
      { lookback, horizon: 1, scaling: 'mean' },
      features,
    )
    const size = features.inputSize
    const step = (w: number, k: number) =>
      Array.from(x.subarray((w * lookback + k) * size, (w * lookback + k + 1) * size))
    for (let k = 0; k < lookback; k++) {
      expect(step(0, k).slice(2, 5)).toEqual([0, 1, -Math.SQRT1_2].map(Math.fround))
      expect(step(1, k).slice(2, 5)).toEqual([1, 0, Math.SQRT1_2].map(Math.fround))
    }
    // Series a's first value sits in the third quarter (position 2): its window's steps are
    // positions 1 (padding), 2, 3, 0 of the year.
    const phases = [1, 2, 3, 0].map((p) => [Math.sin((2 * Math.PI * p) / 4), Math.cos((2 * Math.PI * p) / 4)])
    phases.forEach(([sin, cos], k) => {
      expect(step(0, k)[5]).toBeCloseTo(sin, 6)
      expect(step(0, k)[6]).toBeCloseTo(cos, 6)
    })
    expect(step(0, 0).slice(0, 2)).toEqual([0, 0])
    expect(step(0, 1)[1]).toBe(1)
  })
  it('never trains or forecasts a plain network where extra inputs were asked for, nor the reverse', async () => {
    const config = autoPanelConfig(
      { horizon: 1, season: 4, period: 4, lengths: [6, 2] },
      { calendar: true, epochs: 1, ensemble: 1 },
    )
    await expect(trainGlobalModel(values, config)).rejects.toThrow(/give each series its features/)
    const layers = [{ cell: 'lstm' as const, units: 2, dropout: 0 }]
    const network = {
      spec: panelSpec({ layers, horizon: 1 }, encoding),
      params: new Float32Array(1000),
      lookback: 2,
      horizon: 1,
      minObserved: 1,
      scaling: 'mean' as const,
      inputs: encoding,
    }
    await expect(forecastPanel(network, values, 4)).rejects.toThrow(
      /reads static, calendar or known-future inputs/,
    )
    const { inputs: _inputs, ...plain } = network
    await expect(forecastPanel(plain, values, 4, features)).rejects.toThrow(/features were given/)
  })
  it('leaves a window without extra inputs as it always was: value and flag only', () => {
    const shape = { lookback: 3, horizon: 1, scaling: 'mean' as const }
    const plain = buildWindows(values, [{ series: 0, origin: 4 }], shape)
    expect(plain.x).toHaveLength(3 * 2)
    expect(fitInputEncoding(quarterly, { staticInputs: [], calendar: false }, 4)).toBeUndefined()
    expect(panelSpec({ layers: [{ cell: 'lstm', units: 4, dropout: 0 }], horizon: 2 }).inputSize).toBe(2)
    const withFeatures = buildWindows(values, [{ series: 0, origin: 4 }], shape, features)
    for (let k = 0; k < 3; k++)
      expect(Array.from(withFeatures.x.subarray(k * features.inputSize, k * features.inputSize + 2))).toEqual(
        Array.from(plain.x.subarray(k * 2, k * 2 + 2)),
      )
  })
})
