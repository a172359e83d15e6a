import { describe, expect, it } from 'vitest'
import { scalingSection } from '../../../electron/services/exports/card-scaling'
import { describePreprocessing } from '../../../worker/export/index'
import { runPipeline } from '../../../worker/pipeline/index'
import { monthlySeries, seasonalSeries, tinyConfig } from '../pipeline/helpers'

const series = monthlySeries(seasonalSeries(96, 4))

async function cardOf(combination: { network: number; ets: number; theta: number }) {
  const result = await runPipeline(series, tinyConfig({ combination }), { quick: true })
  return scalingSection(describePreprocessing(result.model)).join('\n')
}

describe("a model card's intervals", () => {
  it('say they are averaged with the ETS companion where ETS takes part in the forecast', async () => {
    const card = await cardOf({ network: 0.25, ets: 0.375, theta: 0.375 })
    expect(card).toContain('Combine: forecast = 0.25 × y + 0.375 × ETS + 0.375 × Theta')
    expect(card).toMatch(/Prediction intervals of `value` .*averaged with the ETS companion's own interval/)
    expect(card).toContain('Forecasts of `value` below 0 are raised to 0 (the series was never below it).')
  })

  it('are conformal alone where ETS has no share', async () => {
    const card = await cardOf({ network: 0.75, ets: 0, theta: 0.25 })
    expect(card).toContain('Prediction intervals of `value` (conformal, original units)')
    expect(card).not.toContain('ETS companion')
  })
})
