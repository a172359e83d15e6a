import { describe, expect, it } from 'vitest'
import { panelFeatureNames } from '../../../../worker/export/panel/panel-preprocessing'

describe("a panel export's input features", () => {
  it('are value and flag for a network that reads nothing else', () => {
    expect(panelFeatureNames(2)).toEqual(['value', 'observed'])
  })
  it('name every one-hot category, the other slot, a standardised number and the calendar, in input order', () => {
    const inputs = {
      static: [
        { name: 'type', kind: 'categorical' as const, categories: ['MICRO', 'MACRO'], other: ['RARE'] },
        { name: 'size', kind: 'numeric' as const, mean: 3, sd: 2 },
      ],
      calendar: { season: 4 },
    }
    expect(panelFeatureNames(2 + 3 + 1 + 2, inputs)).toEqual([
      'value',
      'observed',
      'type=MICRO',
      'type=MACRO',
      'type=other',
      'size (standardised)',
      'season.sin',
      'season.cos',
    ])
  })
  it('name the covariates known ahead last, after the calendar', () => {
    const inputs = {
      static: [],
      calendar: { season: 12 },
      future: [
        { name: 'promo', mean: 0.3, sd: 0.46 },
        { name: 'price', mean: 9.5, sd: 1.2 },
      ],
    }
    expect(panelFeatureNames(2 + 2 + 2, inputs)).toEqual([
      'value',
      'observed',
      'season.sin',
      'season.cos',
      'promo (h ahead, standardised)',
      'price (h ahead, standardised)',
    ])
  })
  it('keep the position as the name of inputs no encoding describes', () => {
    expect(panelFeatureNames(4)).toEqual(['value', 'observed', 'feature.2', 'feature.3'])
  })
})
