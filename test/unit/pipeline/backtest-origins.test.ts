import { describe, expect, it } from 'vitest'
import { runBacktests } from '../../../worker/pipeline/backtest'
import { seriesLength, trainOnSeries, validateConfig } from '../../../worker/pipeline/index'
import type { PipelineConfig, SeriesInput } from '../../../worker/pipeline/index'
import { monthlySeries, seasonalSeries, tinyConfig } from './helpers'

const refuseRetrain = () => Promise.reject(new Error('no refit expected'))

describe('the number of backtest origins', () => {
  it('0 means no backtest, without a note, and never refits', async () => {
    const series = monthlySeries(seasonalSeries(96))
    const config = tinyConfig({ epochs: 1, backtest: { origins: 0, refit: true } })
    const run = await trainOnSeries(series, config, { backend: 'reference' })
    const notes: string[] = []
    expect(await runBacktests(series, run, refuseRetrain, notes)).toEqual([null])
    expect(notes).toEqual([])
  })

  it('refits once per origin when asked, on the data before it', async () => {
    const series = monthlySeries(seasonalSeries(96))
    const config = tinyConfig({ epochs: 1, backtest: { origins: 2, refit: true } })
    const run = await trainOnSeries(series, config, { backend: 'reference' })
    const seen: number[] = []
    const retrain = (shorter: SeriesInput, refitConfig: PipelineConfig) => {
      seen.push(seriesLength(shorter))
      return trainOnSeries(shorter, refitConfig, { backend: 'reference' })
    }
    const [backtest] = await runBacktests(series, run, retrain, [])
    expect(backtest?.refit).toBe(true)
    expect(backtest?.perOrigin).toHaveLength(2)
    const H = config.horizon
    expect(seen).toEqual([96 - 2 * H, 96 - H])
  })

  it('refuses a negative or fractional count', () => {
    expect(() => validateConfig(tinyConfig({ backtest: { origins: -1, refit: false } }))).toThrow(/origins/)
    expect(() => validateConfig(tinyConfig({ backtest: { origins: 1.5, refit: false } }))).toThrow(/origins/)
  })
})
