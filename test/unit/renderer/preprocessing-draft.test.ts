// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { trainingStartArgsSchema } from '../../../electron/api/requests/training'
import { toPipelineConfig } from '../../../electron/services/forecasting/pipeline-config'
import PreprocessingSettings from '../../../renderer/src/screens/model/PreprocessingSettings.vue'
import SplitSettings from '../../../renderer/src/screens/model/SplitSettings.vue'
import en from '../../../renderer/src/i18n/locales/en'
import {
  toForecastingSettings,
  toTrainingConfig,
  type ModelDraft,
} from '../../../renderer/src/screens/model/draft'
import { initialDraft } from '../../../renderer/src/screens/model/presets'
import { datasetPeriod } from '../../../electron/api/dataset-period'
import { withUnit } from '../../../renderer/src/screens/model/split-size'
import { transformIssues } from '../../../renderer/src/screens/model/transform-validation'
import { validateDraft } from '../../../renderer/src/screens/model/validation'

/** The pipeline configuration the services would build from the Model screen's draft. */
function pipelineOf(draft: ModelDraft) {
  const args = trainingStartArgsSchema.parse({
    source: { projectId: 'p', datasetId: 'd', targets: ['value'] },
    config: toTrainingConfig(draft),
    forecasting: toForecastingSettings(draft),
  })
  return toPipelineConfig(args.config, args.forecasting)
}

describe('the preprocessing selects map one to one to the pipeline transforms', () => {
  it.each(['zscore', 'minmax', 'none'] as const)('scaling %s', (scaling) => {
    expect(pipelineOf({ ...initialDraft(1), scaling }).transforms).toEqual({
      scaling,
      log: 'none',
      difference: 'none',
    })
  })

  it.each(['none', 'log', 'log1p'] as const)('log %s', (log) => {
    expect(pipelineOf({ ...initialDraft(1), log }).transforms).toEqual({
      scaling: 'zscore',
      log,
      difference: 'none',
    })
  })

  it.each(['none', 'first', 'seasonal'] as const)('differencing %s', (difference) => {
    const draft = { ...initialDraft(1), scaling: 'minmax' as const, difference }
    expect(toForecastingSettings(draft)).toMatchObject({ scaling: 'minmax', difference })
    expect(pipelineOf(draft).transforms).toEqual({ scaling: 'minmax', log: 'none', difference })
  })
})

describe('the window stride', () => {
  it('goes from the draft to the pipeline, and a stride below 1 is an inline problem', () => {
    expect(pipelineOf(initialDraft(1)).stride).toBe(1)
    expect(pipelineOf({ ...initialDraft(1), stride: 4 }).stride).toBe(4)
    const issues = validateDraft({ ...initialDraft(1), stride: 0 })
    expect(issues.map((issue) => issue.field)).toContain('stride')
    expect(() =>
      trainingStartArgsSchema.parse({
        source: { projectId: 'p', datasetId: 'd', targets: ['value'] },
        config: toTrainingConfig(initialDraft(1)),
        forecasting: { ...toForecastingSettings(initialDraft(1)), stride: 1.5 },
      }),
    ).toThrow(/stride/)
  })
})

describe('split sizes in % or in points, and the backtest', () => {
  it('sends each part in its own unit and the pipeline splits by it', () => {
    const draft: ModelDraft = {
      ...initialDraft(1),
      validation: { value: 12, unit: 'count' },
      test: { value: 15, unit: 'percent' },
    }
    expect(toForecastingSettings(draft)).toMatchObject({ validation: { count: 12 }, test: { percent: 15 } })
    expect(pipelineOf(draft).split).toEqual({ validation: { count: 12 }, test: { percent: 15 } })
  })

  it('sends the backtest origins and refit', () => {
    const draft: ModelDraft = { ...initialDraft(1), backtest: { origins: 5, refit: true } }
    expect(pipelineOf(draft).backtest).toEqual({ origins: 5, refit: true })
    expect(pipelineOf({ ...draft, backtest: { origins: 0, refit: false } }).backtest).toEqual({
      origins: 0,
      refit: false,
    })
  })

  it('converts a size to the other unit when the rows are known, else keeps the number', () => {
    expect(withUnit({ value: 20, unit: 'percent' }, 'count', 144)).toEqual({ value: 29, unit: 'count' })
    expect(withUnit({ value: 29, unit: 'count' }, 'percent', 144)).toEqual({ value: 20.1, unit: 'percent' })
    expect(withUnit({ value: 20, unit: 'percent' }, 'count', null)).toEqual({ value: 20, unit: 'count' })
  })

  it('refuses counts that leave no training window, naming both numbers', () => {
    const draft: ModelDraft = {
      ...initialDraft(1),
      lookback: 24,
      horizon: 12,
      validation: { value: 60, unit: 'count' },
      test: { value: 60, unit: 'count' },
    }
    expect(validateDraft(draft, 144)).toEqual([
      { field: 'test.value', key: 'splitLeavesNoWindow', values: { train: 24, needed: 36 } },
    ])
    expect(validateDraft({ ...draft, test: { value: 24, unit: 'count' } }, 144)).toEqual([])
  })

  it("a recursive window predicts one step: Auto's plan for a short series fits (48 rows, h = 24)", () => {
    const draft: ModelDraft = {
      ...initialDraft(1),
      strategy: 'recursive',
      lookback: 6,
      horizon: 24,
      validation: { value: 4, unit: 'count' },
      test: { value: 24, unit: 'count' },
      backtest: { origins: 1, refit: false },
    }
    expect(validateDraft(draft, 48)).toEqual([])
    expect(validateDraft({ ...draft, strategy: 'direct' }, 48)).toEqual([
      { field: 'test.value', key: 'splitLeavesNoWindow', values: { train: 20, needed: 30 } },
    ])
  })

  it('asks no window of a series Auto forecasts with ETS (too short for a network)', () => {
    const draft: ModelDraft = {
      ...initialDraft(1),
      targetMode: 'auto',
      lookback: 2,
      horizon: 24,
      validation: { value: 1, unit: 'count' },
      test: { value: 0, unit: 'count' },
    }
    expect(validateDraft(draft, 20).map((issue) => issue.key)).toContain('windowTooLong')
    expect(validateDraft(draft, 20, true)).toEqual([])
  })

  it('refuses fractional or negative counts, out-of-range shares and origins', () => {
    const draft: ModelDraft = {
      ...initialDraft(1),
      validation: { value: 2.5, unit: 'count' },
      test: { value: 60, unit: 'percent' },
      backtest: { origins: 21, refit: false },
    }
    expect(validateDraft(draft)).toEqual([
      { field: 'validation.value', key: 'integer' },
      { field: 'test.value', key: 'range', values: { min: 0, max: 50 } },
      { field: 'backtest.origins', key: 'range', values: { min: 0, max: 20 } },
    ])
    const negative = { ...initialDraft(1), validation: { value: -1, unit: 'count' as const } }
    expect(validateDraft(negative).map((issue) => issue.key)).toEqual(['range'])
  })

  it('refuses more backtest origins than the series holds', () => {
    const draft: ModelDraft = { ...initialDraft(1), horizon: 12, backtest: { origins: 12, refit: false } }
    expect(validateDraft(draft, 144)).toEqual([
      {
        field: 'backtest.origins',
        key: 'backtestTooLong',
        values: { origins: 12, horizon: 12, length: 144 },
      },
    ])
    expect(validateDraft({ ...draft, backtest: { origins: 11, refit: true } }, 144)).toEqual([])
  })
})

describe('transforms the pipeline would refuse on the chosen series', () => {
  const facts = (values: number[], period: number | null = 12) => ({ targets: [values], period })

  it('refuse log(x) with a non-positive target value and log(1 + x) at −1 or below', () => {
    const draft = { ...initialDraft(1), log: 'log' as const }
    expect(transformIssues(draft, facts([3, 0, 5]))).toEqual([
      { field: 'log', key: 'logNonPositive', values: { min: 0 } },
    ])
    expect(transformIssues(draft, facts([3, 1, 5]))).toEqual([])
    const log1p = { ...draft, log: 'log1p' as const }
    expect(transformIssues(log1p, facts([0, 2]))).toEqual([])
    expect(transformIssues(log1p, facts([-1, 2]))[0]?.key).toBe('log1pTooLow')
  })

  it('refuse seasonal differencing on a series without a period, and say nothing before a dataset', () => {
    const draft = { ...initialDraft(1), difference: 'seasonal' as const }
    expect(transformIssues(draft, facts([1, 2], 1))).toEqual([
      { field: 'difference', key: 'seasonalNoPeriod' },
    ])
    expect(transformIssues(draft, facts([1, 2], 12))).toEqual([])
    expect(transformIssues(draft, { targets: [], period: null })).toEqual([])
  })

  it('read the period from the frequency detected at import, as training does', () => {
    const monthly = { detectedFormat: { frequency: { frequency: { unit: 'month', step: 1 } } } }
    expect(datasetPeriod(monthly)).toBe(12)
    expect(datasetPeriod({ detectedFormat: null })).toBe(1)
  })
})

describe('the Model screen groups', () => {
  const i18n = () => createI18n({ legacy: false, locale: 'en', messages: { en } })

  it('label each preprocessing select, name the seasonal lag and show the inline problem', async () => {
    const draft = initialDraft(1)
    const wrapper = mount(PreprocessingSettings, {
      props: {
        modelValue: draft,
        period: 12,
        issues: [{ field: 'log', key: 'logNonPositive', values: { min: 0 } }],
      },
      global: { plugins: [i18n()] },
    })
    for (const field of ['scaling', 'log', 'difference']) {
      const select = wrapper.get(`[data-testid="select-${field}"]`)
      expect(wrapper.find(`label[for="select-${field}"]`).exists()).toBe(true)
      expect(select.element.tagName).toBe('SELECT')
    }
    expect(wrapper.get('[data-testid="select-difference"]').text()).toContain('Seasonal (lag 12)')
    expect(wrapper.get('#select-log-issue').text()).toContain('log(x) needs positive values')
    await wrapper.get('[data-testid="select-scaling"]').setValue('minmax')
    await wrapper.get('[data-testid="select-difference"]').setValue('seasonal')
    expect(draft).toMatchObject({ scaling: 'minmax', difference: 'seasonal' })
  })

  it('switch a split part between % and points, converting with the known rows', async () => {
    const draft = initialDraft(1)
    const wrapper = mount(SplitSettings, {
      props: { modelValue: draft, issues: [], rows: 144 },
      global: { plugins: [i18n()] },
    })
    expect(wrapper.find('label[for="select-test-unit"]').text()).toBe('Test size unit')
    await wrapper.get('[data-testid="select-test-unit"]').setValue('count')
    expect(draft.test).toEqual({ value: 14, unit: 'count' })
    await wrapper.get('[data-testid="field-backtest-origins"]').setValue('2')
    await wrapper.get('[data-testid="backtest-refit"]').setValue(true)
    expect(draft.backtest).toEqual({ origins: 2, refit: true })
  })
})
