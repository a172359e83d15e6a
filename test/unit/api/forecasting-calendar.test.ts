import { describe, expect, it } from 'vitest'
import { trainingStartArgsSchema } from '../../../electron/api/requests/training'
import { toPipelineConfig } from '../../../electron/services/forecasting/pipeline-config'
import { SMALL_TRAINING } from './training-args'

function withCalendar(calendar: unknown) {
  return trainingStartArgsSchema.safeParse({ ...SMALL_TRAINING, forecasting: { calendar } })
}

describe('training.start calendar features', () => {
  it('default to none, with or without forecasting settings', () => {
    expect(trainingStartArgsSchema.parse(SMALL_TRAINING).forecasting.calendar).toEqual([])
    expect(
      trainingStartArgsSchema.parse({ ...SMALL_TRAINING, forecasting: {} }).forecasting.calendar,
    ).toEqual([])
  })

  it('reach the pipeline configuration', () => {
    const args = trainingStartArgsSchema.parse({
      ...SMALL_TRAINING,
      forecasting: { calendar: ['dayOfWeek', 'month'] },
    })
    const config = toPipelineConfig(args.config, args.forecasting)
    expect(config.calendar).toEqual(['dayOfWeek', 'month'])
  })

  it('refuse unknown and repeated features, naming the field', () => {
    const unknown = withCalendar(['week'])
    expect(unknown.success).toBe(false)
    expect(unknown.error?.issues[0].path).toEqual(['forecasting', 'calendar', 0])
    const repeated = withCalendar(['hour', 'hour'])
    expect(repeated.success).toBe(false)
    expect(repeated.error?.issues[0].message).toMatch(/twice/)
    expect(withCalendar('month').success).toBe(false)
  })
})
