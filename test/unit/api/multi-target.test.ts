import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../electron/api/requests/common'
import { trainingStartArgsSchema } from '../../../electron/api/requests/training'
import { evaluationView } from '../../../electron/services/forecasting/evaluation-view'
import { forecastCsv } from '../../../electron/services/forecasting/forecast-csv'
import { runPipeline, type SeriesInput } from '../../../worker/pipeline/index'
import { scaledIntervalScore } from '../../../worker/statistics/index'
import { monthly, seasonalSeries, tinyConfig } from '../pipeline/helpers'
import { bands } from './bands'
import { SMALL_TRAINING } from './training-args'

function withSource(source: Record<string, unknown>) {
  return trainingStartArgsSchema.safeParse({
    ...SMALL_TRAINING,
    source: { projectId: 'p', datasetId: 'd', ...source },
  })
}

describe('training.start with several targets', () => {
  it('takes a list of target columns, one or several', () => {
    expect(withSource({ targets: ['a'] }).data?.source.targets).toEqual(['a'])
    expect(withSource({ targets: ['a', 'b', 'c'] }).data?.source.targets).toEqual(['a', 'b', 'c'])
  })

  it('refuses no target, repeated targets, a target that is also a covariate, and too many, naming the field', () => {
    expect(withSource({ targets: [] }).error?.issues[0].path).toEqual(['source', 'targets'])
    expect(withSource({ target: 'a' }).success).toBe(false)
    const twice = withSource({ targets: ['a', 'b', 'a'] })
    expect(twice.error?.issues[0]).toMatchObject({
      path: ['source', 'targets', 2],
      message: 'target "a" is listed twice',
    })
    const both = withSource({ targets: ['a', 'b'], covariates: ['a'] })
    expect(both.error?.issues[0]).toMatchObject({
      path: ['source', 'targets', 0],
      message: '"a" cannot be both a target and a covariate',
    })
    expect(withSource({ targets: Array.from({ length: LIMITS.targets }, (_, i) => `t${i}`) }).success).toBe(
      true,
    )
    const many = withSource({ targets: Array.from({ length: LIMITS.targets + 1 }, (_, i) => `t${i}`) })
    expect(many.error?.issues[0].path).toEqual(['source', 'targets'])
  })
})

describe('the Forecast screen’s view of a two-target model', () => {
  it('gives a full block per target, in the model’s order', async () => {
    const a = seasonalSeries(96, 3)
    const b = a.map((v) => 1000 - 2 * v)
    const series: SeriesInput = {
      targets: [
        { name: 'a', values: a },
        { name: 'b', values: b },
      ],
      timestamps: monthly(96),
      frequency: { unit: 'month', step: 1 },
    }
    const result = await runPipeline(series, tinyConfig({ epochs: 2 }), { quick: true, backend: 'reference' })
    const fitted = [{ start: 12, values: [1, 2] }]
    const run = { ...result, preset: 'manual' as const, config: tinyConfig({ epochs: 2 }), fitted }
    const view = evaluationView('m', 'LSTM 6 · a, b', series, run, {})
    expect(view.targets.map((target) => target.target)).toEqual(['a', 'b'])
    view.targets.forEach((target, t) => {
      expect(target.actual).toEqual([a, b][t])
      expect(target.test.mean).toHaveLength(12)
      expect(target.test.mean).toEqual(Array.from(result.targets[t].test!.forecast))
      expect(target.metrics.test.mae).toBe(result.targets[t].test!.metrics.mae)
      expect(target.baselines.map((baseline) => baseline.name)).toContain('seasonalNaive')
      // The bands' MSIS, from the test part's own bands and scale; quick runs skip ETS, so no ETS score.
      const test = result.targets[t].test!
      const score = scaledIntervalScore(
        test.actual,
        test.lower[80]!,
        test.upper[80]!,
        80,
        test.metrics.maseScale,
      )
      expect(target.intervalScore!.model.level80).toBeCloseTo(score, 12)
      expect(target.intervalScore!.model.level80).toBeGreaterThan(0)
      expect(target.intervalScore!.ets).toBeNull()
    })
    expect(view.targets[0].fitted).toEqual({ start: 12, values: [1, 2] })
    expect(view.targets[1].fitted).toBeNull()
  })
})

describe('forecast CSV with several targets', () => {
  it('is in long form, one block per target', () => {
    const csv = forecastCsv(
      {
        timestamps: [Date.UTC(2024, 0, 1)],
        targets: [
          { target: 'a', bands: bands(10) },
          { target: 'b', bands: bands(20) },
        ],
      },
      { delimiter: ',', decimalSeparator: '.' },
    )
    expect(csv.trim().split('\n')).toEqual([
      'date,target,forecast,lower80,upper80,lower95,upper95',
      '2024-01-01,a,10,9,11,8,12',
      '2024-01-01,b,20,19,21,18,22',
    ])
  })
})
