import { describe, expect, it } from 'vitest'
import { fineTune, forecastAhead, prepare, trainOnSeries } from '../../../worker/pipeline/index'
import { constantOutputParams, modelWith, monthlySeries, seasonalSeries, tinyConfig } from './helpers'

describe('new data: forecasting a grown series without retraining, and warm starts', () => {
  it('forecasts from the grown series with the trained scaling (not one refitted on the new data)', async () => {
    const values = seasonalSeries(120)
    const config = tinyConfig({ horizon: 6 })
    const { state } = prepare(monthlySeries(values), config)
    // z = 0 maps back to the trained training mean whatever the new data looks like.
    const model = modelWith(state, constantOutputParams(state, 0), monthlySeries(values))
    const grown = monthlySeries([...values, ...values.slice(0, 24).map((v) => v * 10)])
    const forecast = await forecastAhead(model, grown, { backend: 'reference' })
    const trainMean = values.slice(0, 96).reduce((s, v) => s + v, 0) / 96
    forecast.targets[0].mean.forEach((f) => expect(f).toBeCloseTo(trainMean, 3))
    expect(new Date(forecast.timestamps![0]).toISOString().slice(0, 10)).toBe('2012-01-01')
    expect(forecast.targets[0].intervals[0].lower[0]).toBeLessThan(forecast.targets[0].mean[0])
  })

  it('seasonal-residual forecasts from grown data follow the newest season', async () => {
    const values = seasonalSeries(120)
    const { state } = prepare(
      monthlySeries(values),
      tinyConfig({ targetMode: 'seasonalResidual', horizon: 6 }),
    )
    const model = modelWith(state, constantOutputParams(state, 0), monthlySeries(values))
    const grown = [...values, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511]
    const forecast = await forecastAhead(model, monthlySeries(grown), { horizon: 3, backend: 'reference' })
    expect(Array.from(forecast.targets[0].mean).map((v) => Number(v.toFixed(3)))).toEqual([500, 501, 502])
  })

  it('refuses direct horizons beyond the trained one', async () => {
    const values = seasonalSeries(120)
    const { state } = prepare(monthlySeries(values), tinyConfig({ horizon: 6 }))
    const model = modelWith(state, constantOutputParams(state, 0), monthlySeries(values))
    await expect(forecastAhead(model, monthlySeries(values), { horizon: 7 })).rejects.toThrow(/at most 6/)
  })

  it('a warm-start fine-tune moves the weights away from the trained ones and keeps the scaling', async () => {
    const values = seasonalSeries(144)
    const run = await trainOnSeries(monthlySeries(values.slice(0, 120)), tinyConfig({ ensemble: 2 }), {
      backend: 'reference',
    })
    expect(run.model.params.length).toBe(2 * run.network.members[0].params.length)
    const tuned = await fineTune(run.model, monthlySeries(values), { epochs: 2, backend: 'reference' })
    expect(tuned.state.targets).toEqual(run.model.state.targets)
    expect(tuned.state.config).toEqual(run.model.state.config)
    const changed = tuned.params.some((p, i) => p !== run.model.params[i])
    expect(changed).toBe(true)
    const distance = Math.hypot(...Array.from(tuned.params, (p, i) => p - run.model.params[i]))
    expect(distance).toBeLessThan(5)
  })
})
