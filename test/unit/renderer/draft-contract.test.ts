import { describe, expect, it } from 'vitest'
import { trainingStartArgsSchema } from '../../../electron/api/requests/training'
import {
  toForecastingSettings,
  toTrainingConfig,
  type ModelDraft,
} from '../../../renderer/src/screens/model/draft'
import { initialDraft } from '../../../renderer/src/screens/model/presets'
import { CHOICES, DEFAULTS } from '../../../renderer/src/screens/model/settings-schema'
import { validateDraft } from '../../../renderer/src/screens/model/validation'

/** The Model screen's number fields, each with the way to set it on a draft. */
const FIELDS: Record<string, (draft: ModelDraft, value: number) => void> = {
  'layers.0.units': (d, v) => (d.layers[0]!.units = v),
  'layers.0.dropout': (d, v) => (d.layers[0]!.dropout = v),
  lookback: (d, v) => (d.lookback = v),
  horizon: (d, v) => (d.horizon = v),
  stride: (d, v) => (d.stride = v),
  batchSize: (d, v) => (d.batchSize = v),
  epochs: (d, v) => (d.epochs = v),
  'optimizer.lr': (d, v) => (d.optimizer.lr = v),
  'optimizer.weightDecay': (d, v) => (d.optimizer.weightDecay = v),
  'optimizer.momentum': (d, v) => (d.optimizer.momentum = v),
  patience: (d, v) => (d.patience = v),
  seed: (d, v) => (d.seed = v),
  workers: (d, v) => (d.workers = v),
  clipNorm: (d, v) => (d.clipNorm = v),
  'validation.value': (d, v) => (d.validation = { value: v, unit: 'count' }),
  'test.value': (d, v) => (d.test = { value: v, unit: 'percent' }),
  'backtest.origins': (d, v) => (d.backtest.origins = v),
  'schedule.stepSize': (d, v) => (d.schedule = { kind: 'step', stepSize: v, gamma: 0.5 }),
  'schedule.gamma': (d, v) => (d.schedule = { kind: 'step', stepSize: 10, gamma: v }),
  'schedule.T': (d, v) => (d.schedule = { kind: 'cosine', T: v }),
  'schedule.patience': (d, v) => (d.schedule = { kind: 'plateau', patience: v, factor: 0.5 }),
  'schedule.factor': (d, v) => (d.schedule = { kind: 'plateau', patience: 3, factor: v }),
}

const VALUES = [-1, 0, 0.5, 1, 1.5, 8, 9, 20, 21, 50, 51, 256, 257, 1024, 1025, 4096, 4097, 100_001]
const EDGES = [0.999, 10, 10.5, 1000, 1001, 10_000, 10_001, 100_000, 2 ** 32 - 1, 2 ** 32, 1e8, 1e8 + 1]

/** Keys of the problems a number's own limits give (the others are about the series or the split as a whole). */
const LIMIT_KEYS = [
  'integer',
  'range',
  'halfOpen',
  'open',
  'aboveAtMost',
  'above',
  'atLeast',
  'atMost',
  'below',
]

function sent(draft: ModelDraft) {
  return trainingStartArgsSchema.safeParse({
    source: { projectId: 'p', datasetId: 'd', targets: ['value'] },
    config: toTrainingConfig(draft),
    forecasting: toForecastingSettings(draft),
  })
}

describe('the Model screen checks exactly what training.start accepts', () => {
  it.each(Object.keys(FIELDS))('%s', (field) => {
    for (const value of [...VALUES, ...EDGES, Number.NaN, Infinity]) {
      const draft = initialDraft(1)
      FIELDS[field]!(draft, value)
      const flagged = validateDraft(draft).some(
        (issue) => issue.field === field && LIMIT_KEYS.includes(issue.key),
      )
      expect(flagged, `${field} = ${value}`).toBe(!sent(draft).success)
    }
  })

  it('states the contract’s own limits', () => {
    const draft = initialDraft(1)
    draft.schedule = { kind: 'plateau', patience: 3, factor: 1 }
    draft.optimizer.lr = 20
    draft.clipNorm = 0
    expect(validateDraft(draft)).toEqual([
      { field: 'optimizer.lr', key: 'aboveAtMost', values: { min: 0, max: 10 } },
      { field: 'clipNorm', key: 'above', values: { min: 0 } },
      { field: 'schedule.factor', key: 'open', values: { min: 0, max: 1 } },
    ])
  })

  it('offers the contract’s choices and starts from its defaults', () => {
    expect(CHOICES.cell).toEqual(['lstm', 'gru', 'rnn'])
    expect(CHOICES.targetMode).toEqual(['level', 'seasonalResidual', 'etsResidual', 'auto'])
    expect(CHOICES.schedule).toEqual(['constant', 'step', 'cosine', 'plateau'])
    expect(CHOICES.calendar).toEqual(['month', 'dayOfWeek', 'hour'])
    const draft = initialDraft(1)
    const args = sent(draft).data!
    // What the screen leaves at the contract's default is what the services would pick alone.
    expect(args.forecasting).toMatchObject({
      strategy: DEFAULTS.forecasting.strategy,
      scaling: 'zscore',
      log: 'none',
      difference: 'none',
      validation: { percent: 20 },
      backtest: { origins: 3, refit: false },
      calendar: [],
    })
    expect(args.config.schedule).toEqual({ kind: 'constant' })
    expect(args.config.layers).toEqual([{ cell: 'lstm', units: 32, dropout: 0 }])
  })
})
