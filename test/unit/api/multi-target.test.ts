import { describe, expect, it } from 'vitest'
import { trainingStartArgsSchema } from '../../../electron/api/requests/training'
import { evaluationView } from '../../../electron/services/forecasting/evaluation-view'
import { targetsForecastCsv } from '../../../electron/services/forecasting/forecast-csv'
import { runPipeline, type SeriesInput } from '../../../worker/pipeline/index'
import { monthly, seasonalSeries, tinyConfig } from '../pipeline/helpers'
import { SMALL_TRAINING } from './training-args'

function withSource(source: Record<string, unknown>) {
  return trainingStartArgsSchema.safeParse({
    ...SMALL_TRAINING,
    source: { projectId: 'p', datasetId: 'd', ...source },
  })
}

describe('training.start with several targets', () => {
  it('accepts further target columns, none by default', () => {
    expect(withSource({ target: 'a' }).data?.source.extraTargets).toEqual([])
    expect(withSource({ target: 'a', extraTargets: ['b', 'c'] }).data?.source.extraTargets).toEqual([
      'b',
      'c',
    ])
  })

  it('refuses repeated targets, a target that is also a covariate, and too many, naming the field', () => {
    const twice = withSource({ target: 'a', extraTargets: ['b', 'a'] })
    expect(twice.error?.issues[0]).toMatchObject({
      path: ['source', 'extraTargets', 1],
      message: 'target "a" is listed twice',
    })
    const both = withSource({ target: 'a', extraTargets: ['b'], covariates: ['b'] })
    expect(both.error?.issues[0].message).toBe('"b" cannot be both a target and a covariate')
    const many = withSource({ target: 'a', extraTargets: Array.from({ length: 16 }, (_, i) => `t${i}`) })
    expect(many.error?.issues[0].path).toEqual(['source', 'extraTargets'])
  })
})

describe('the Forecast screen’s view of a two-target model', () => {
  it('gives the primary target at the top and a full block per further target', async () => {
    const a = seasonalSeries(96, 3)
    const b = a.map((v) => 1000 - 2 * v)
    const series: SeriesInput = {
      target: a,
      extraTargets: [{ name: 'b', values: b }],
      timestamps: monthly(96),
      frequency: { unit: 'month', step: 1 },
    }
    const result = await runPipeline(series, tinyConfig({ epochs: 2 }), { quick: true, backend: 'reference' })
    const run = { ...result, preset: 'manual' as const, config: tinyConfig({ epochs: 2 }) }
    const view = evaluationView('m', 'LSTM 6 · a, b', 'a', series, { ...run, fitted: [] }, {})
    expect(view.target).toBe('a')
    expect(view.actual).toEqual(a)
    const [other] = view.extraTargets!
    expect(other.target).toBe('b')
    expect(other.actual).toEqual(b)
    expect(other.test.mean).toHaveLength(12)
    expect(other.test.mean).toEqual(Array.from(result.extraTargets![0].test!.forecast))
    expect(other.metrics.test.mae).toBe(result.extraTargets![0].test!.metrics.mae)
    expect(other.baselines.map((baseline) => baseline.name)).toContain('seasonalNaive')
    expect(other.fitted).toBeNull()
  })
})

describe('forecast CSV with several targets', () => {
  it('is in long form, one block per target', () => {
    const bands = (v: number) => ({
      mean: [v],
      lower80: [v - 1],
      upper80: [v + 1],
      lower95: [v - 2],
      upper95: [v + 2],
    })
    const csv = targetsForecastCsv(
      [Date.UTC(2024, 0, 1)],
      [
        { target: 'a', bands: bands(10) },
        { target: 'b', bands: bands(20) },
      ],
      { delimiter: ',', decimalSeparator: '.' },
    )
    expect(csv.trim().split('\n')).toEqual([
      'date,target,forecast,lower80,upper80,lower95,upper95',
      '2024-01-01T00:00:00.000Z,a,10,9,11,8,12',
      '2024-01-01T00:00:00.000Z,b,20,19,21,18,22',
    ])
  })
})
