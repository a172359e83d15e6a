import { describe, expect, it } from 'vitest'
import { paramLayout } from '../../../worker/engine/index'
import { autoConfig, runAuto, type Trainer } from '../../../worker/pipeline/index'
import { earlierFolds } from '../../../worker/pipeline/folds'
import { seasonalSeries, valueSeries } from './helpers'

/** Every weight zero: the residual network is seasonal naive, whatever data it saw. */
const zeroTrainer: Trainer = async (request) => {
  const size = paramLayout(request.settings.spec).reduce((total, entry) => total + entry.size, 0)
  return { params: new Float32Array(size), bestEpoch: 0, epochsRun: 1, trainLoss: [0], valLoss: [0] }
}

describe('Auto validates on rolling folds', () => {
  it('moves each earlier fold back by whole validation parts, keeping the validation length', () => {
    const series = valueSeries(seasonalSeries(192), 12)
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
    const config = autoConfig(valueSeries(seasonalSeries(144), 12), 'seasonalResidual')
    expect(earlierFolds(config, 144, 12)).toHaveLength(1)
  })

  it('needs no earlier fold when one validation part already holds enough points', () => {
    const n = 8 * 336
    const config = autoConfig(valueSeries(seasonalSeries(n), 336), 'seasonalResidual')
    expect(config.split.validation).toEqual({ count: 336 })
    expect(earlierFolds(config, n, 336)).toEqual([])
  })

  it('calibrates intervals on the main validation part and on each earlier network one fold later', async () => {
    const series = valueSeries(seasonalSeries(192), 12)
    const auto = await runAuto(series, {
      trainer: zeroTrainer,
      backend: 'reference',
      quick: true,
      modes: ['seasonalResidual'],
      refit: false,
    })
    expect(auto.candidates[0].folds).toBe(3)
    // 24 validation points per step on the main fold, plus folds 1 and 2 each forecasting the
    // validation part after their own.
    const { counts, halfWidths } = auto.result.model.calibrations[0]
    expect(counts).toEqual(Array.from({ length: 24 }, () => 72))
    for (let k = 0; k < 24; k++) expect(halfWidths[95][k]).toBeGreaterThanOrEqual(halfWidths[80][k])
  })
})
