import { describe, expect, it } from 'vitest'
import { requests } from '../../../electron/api/contract'
import { combinedState } from '../../../electron/services/runs/run-state'

const start = requests['training.start'].args
const plan = requests['training.autoPlan'].args
const source = { projectId: 'p', datasetId: 'd', targets: ['value'] }
const config = {
  layers: [{ units: 4 }],
  lookback: 4,
  horizon: 1,
  batchSize: 8,
  epochs: 1,
  optimizer: { lr: 0.01 },
}

describe('the Auto part of the training contract', () => {
  it("accepts targetMode 'auto' beside levels and seasonal residual", () => {
    for (const targetMode of ['level', 'seasonalResidual', 'auto'])
      expect(start.safeParse({ source, config, forecasting: { targetMode } }).success).toBe(true)
  })

  it('names the field of an unknown target mode', () => {
    const parsed = start.safeParse({ source, config, forecasting: { targetMode: 'guess' } })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['forecasting', 'targetMode'])
  })

  it('plans from a project, a dataset and its targets; covariates default to none', () => {
    expect(plan.parse(source)).toEqual({ ...source, covariates: [] })
  })

  it('refuses a plan without a target, or with fields it does not know', () => {
    expect(plan.safeParse({ projectId: 'p', datasetId: 'd' }).error?.issues[0]?.path).toEqual(['targets'])
    expect(plan.safeParse({ ...source, epochs: 3 }).success).toBe(false)
  })
})

describe("an Auto run's state from its two candidates", () => {
  it('is running while either trains, paused when every active one is paused', () => {
    expect(combinedState(['running', 'queued'], null)).toBe('running')
    expect(combinedState(['paused', 'queued'], null)).toBe('paused')
    expect(combinedState(['completed', 'queued'], null)).toBe('running')
    expect(combinedState(['queued', 'queued'], null)).toBe('queued')
  })

  it('keeps weights if any candidate did, unless the user cancelled', () => {
    expect(combinedState(['completed', 'completed'], null)).toBe('completed')
    expect(combinedState(['completed', 'failed'], null)).toBe('completed')
    expect(combinedState(['stopped', 'completed'], 'stopped')).toBe('stopped')
    expect(combinedState(['completed', 'cancelled'], 'cancelled')).toBe('cancelled')
    expect(combinedState(['failed', 'failed'], null)).toBe('failed')
  })
})
