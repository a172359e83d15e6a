import { describe, expect, it } from 'vitest'
import { autoConfig } from '../../../worker/pipeline/index'
import { earlierFolds } from '../../../worker/pipeline/folds'
import { seasonalSeries } from './helpers'

describe('Auto validates on rolling folds', () => {
  it('moves each earlier fold back by whole validation parts, keeping the validation length', () => {
    const series = { target: seasonalSeries(192), period: 12 }
    const config = autoConfig(series, 'seasonalResidual')
    expect(config.split).toEqual({ validation: { count: 24 }, test: { count: 24 } })
    const folds = earlierFolds(config, 192, 12)
    expect(folds.map((fold) => fold.split)).toEqual([
      { validation: { count: 24 }, test: { count: 48 } },
      { validation: { count: 24 }, test: { count: 72 } },
    ])
    for (const fold of folds) expect({ ...fold, split: config.split }).toEqual(config)
  })

  it('drops folds that would leave fewer than half the main training windows', () => {
    // 144 points: the main fold trains on 96, one fold back on 72, two back on only 48.
    const config = autoConfig({ target: seasonalSeries(144), period: 12 }, 'seasonalResidual')
    expect(earlierFolds(config, 144, 12)).toHaveLength(1)
  })

  it('needs no earlier fold when one validation part already holds enough points', () => {
    const n = 8 * 336
    const config = autoConfig({ target: seasonalSeries(n), period: 336 }, 'seasonalResidual')
    expect(config.split.validation).toEqual({ count: 336 })
    expect(earlierFolds(config, n, 336)).toEqual([])
  })
})
