import { describe, expect, it } from 'vitest'
import { trainingStartArgsSchema } from '../../../electron/api/requests/training'
import { toPipelineConfig } from '../../../electron/services/forecasting/pipeline-config'
import { SMALL_TRAINING } from './training-args'

function parse(forecasting: unknown, source: Record<string, unknown> = {}) {
  return trainingStartArgsSchema.safeParse({
    ...SMALL_TRAINING,
    source: { ...SMALL_TRAINING.source, ...source },
    forecasting,
  })
}

function pipelineOf(forecasting: unknown) {
  const args = parse(forecasting)
  if (!args.success) throw args.error
  return toPipelineConfig(args.data.config, args.data.forecasting)
}

describe('training.start split sizes', () => {
  it('default to 20 % validation and 15 % test, left out or given alone', () => {
    expect(pipelineOf(undefined).split).toEqual({ validation: { percent: 20 }, test: { percent: 15 } })
    expect(pipelineOf({}).split).toEqual({ validation: { percent: 20 }, test: { percent: 15 } })
    expect(pipelineOf({ test: { count: 12 } }).split).toEqual({
      validation: { percent: 20 },
      test: { count: 12 },
    })
  })

  it('take a size in % or in rows', () => {
    const config = pipelineOf({ validation: { count: 12 }, test: { percent: 10 } })
    expect(config.split).toEqual({ validation: { count: 12 }, test: { percent: 10 } })
  })

  it('are the only split settings: the fractions of 0.1 are refused by name', () => {
    expect(parse({ testFraction: 0.25 }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys' })
    expect(parse({}, { validationFraction: 0.1 }).error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
    })
  })

  it('refuse an unknown unit, both units at once, a negative or fractional count, naming the field', () => {
    const unit = parse({ test: { fraction: 0.2 } })
    expect(unit.error?.issues[0]).toMatchObject({
      path: ['forecasting', 'test'],
      message: 'must be { percent } or { count }',
    })
    expect(parse({ validation: { percent: 10, count: 3 } }).success).toBe(false)
    expect(parse({ validation: { count: -1 } }).error?.issues[0]?.path).toEqual([
      'forecasting',
      'validation',
      'count',
    ])
    expect(parse({ test: { count: 2.5 } }).success).toBe(false)
    expect(parse({ test: { percent: 60 } }).error?.issues[0]?.path).toEqual([
      'forecasting',
      'test',
      'percent',
    ])
  })
})

describe('training.start backtest', () => {
  it("defaults to the pipeline's three origins without refit", () => {
    expect(parse(undefined).data?.forecasting.backtest).toEqual({ origins: 3, refit: false })
    expect(parse({}).data?.forecasting.backtest).toEqual({ origins: 3, refit: false })
    expect(parse({ backtest: { origins: 5 } }).data?.forecasting.backtest).toEqual({
      origins: 5,
      refit: false,
    })
  })

  it('reaches the pipeline configuration, 0 meaning none', () => {
    expect(pipelineOf({ backtest: { origins: 2, refit: true } }).backtest).toEqual({
      origins: 2,
      refit: true,
    })
    expect(pipelineOf({ backtest: { origins: 0, refit: false } }).backtest).toEqual({
      origins: 0,
      refit: false,
    })
  })

  it('refuses more than 20 origins, negative or fractional ones and unknown fields', () => {
    expect(parse({ backtest: { origins: 21 } }).error?.issues[0]?.path).toEqual([
      'forecasting',
      'backtest',
      'origins',
    ])
    expect(parse({ backtest: { origins: -1 } }).success).toBe(false)
    expect(parse({ backtest: { origins: 1.5 } }).success).toBe(false)
    expect(parse({ backtest: { origins: 2, step: 3 } }).success).toBe(false)
  })
})
