import { describe, expect, it } from 'vitest'
import { evaluationView } from '../../../electron/services/forecasting/evaluation-view'
import { runPipeline } from '../../../worker/pipeline/index'
import { scaledIntervalScore } from '../../../worker/statistics/index'
import { monthlySeries, seasonalSeries, tinyConfig } from '../pipeline/helpers'

describe("the Forecast screen's view scores the intervals", () => {
  it("gives the model's MSIS at 80 and 95 % beside ETS's own on the same test part", async () => {
    const series = monthlySeries(seasonalSeries(96, 4))
    const config = tinyConfig({ epochs: 2 })
    const result = await runPipeline(series, config, { backend: 'reference' })
    const view = evaluationView('m', 'LSTM', series, { ...result, preset: 'manual', config }, {})
    const test = result.targets[0]!.test!
    const ets = test.baselines.ets!.metrics!
    const scores = view.targets[0]!.intervalScore!
    for (const level of [80, 95] as const) {
      const own = scaledIntervalScore(
        test.actual,
        test.lower[level]!,
        test.upper[level]!,
        level,
        test.metrics.maseScale,
      )
      expect(scores.model[`level${level}`]).toBeCloseTo(own, 12)
      expect(scores.ets![`level${level}`]).toBeCloseTo(ets.intervalScore![level]!, 12)
      expect(scores.ets![`level${level}`]).toBeGreaterThan(0)
    }
  })
})
