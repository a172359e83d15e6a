import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import type { ApiClient } from '../../../renderer/src/api/client'
import { provideApi } from '../../../renderer/src/api/use-api'
import { toForecastingSettings, toTrainingConfig } from '../../../renderer/src/screens/model/draft'
import { autoPreset, initialDraft, sizedPreset } from '../../../renderer/src/screens/model/presets'
import { validateDraft } from '../../../renderer/src/screens/model/validation'
import { useDatasets } from '../../../renderer/src/stores/datasets'
import { useModelDraft } from '../../../renderer/src/screens/model/draft-store'
import { useProject } from '../../../renderer/src/stores/project'
import type { ProjectView } from '../../../electron/api/requests/projects'
import { planFor } from '../../../electron/services/forecasting/auto-plan'

/** The plan the services make for 12 years of a positive monthly series (AirPassengers' shape). */
const monthlyPlan = planFor({
  targets: [
    {
      name: 'value',
      values: Float64Array.from({ length: 144 }, (_, i) => 100 + i + 20 * Math.sin((2 * Math.PI * i) / 12)),
    },
  ],
  frequency: { unit: 'month', step: 1 },
})

describe('the Auto preset follows the pipeline plan', () => {
  it("takes the plan's window, split, network and optimisation, and lets validation pick the target mode", () => {
    const draft = autoPreset(monthlyPlan, 3)
    expect(draft).toMatchObject({
      lookback: 24,
      horizon: 24,
      scaling: 'zscore',
      log: 'log',
      difference: 'none',
      targetMode: 'auto',
      // The plan sizes validation and test in points: one horizon of test, validation up to one.
      validation: { value: 24, unit: 'count' },
      test: { value: 24, unit: 'count' },
      backtest: { origins: 3, refit: false },
      workers: 3,
    })
    expect(draft.layers.map(({ cell, units }) => ({ cell, units }))).toEqual([{ cell: 'lstm', units: 16 }])
    expect(toForecastingSettings(draft)).toMatchObject({
      targetMode: 'auto',
      scaling: 'zscore',
      log: 'log',
      difference: 'none',
      validation: { count: 24 },
      test: { count: 24 },
      backtest: { origins: 3, refit: false },
    })
    const config = toTrainingConfig(draft)
    expect(config).toMatchObject({ loss: 'huber', epochs: 150, patience: 10, batchSize: 16, clipNorm: 1 })
    expect(config.optimizer).toMatchObject({ kind: 'adam', lr: 0.002 })
    expect(validateDraft(draft, 144)).toEqual([])
  })

  it("thins a long series' windows with the plan's stride, and the draft sends it", () => {
    // Four weeks of half-hourly data (period 48): thousands of window origins.
    const halfHourly = planFor({
      targets: [
        {
          name: 'value',
          values: Float64Array.from({ length: 4032 }, (_, i) => 10 + Math.sin((2 * Math.PI * i) / 48)),
        },
      ],
      frequency: { unit: 'minute', step: 30 },
    })
    expect(halfHourly.forecasting.stride).toBeGreaterThan(1)
    const draft = autoPreset(halfHourly, 1)
    expect(draft.stride).toBe(halfHourly.forecasting.stride)
    expect(toForecastingSettings(draft).stride).toBe(halfHourly.forecasting.stride)
    expect(autoPreset(monthlyPlan, 1).stride).toBe(1)
  })

  it('keeps the window and target mode when Small or Large only resize the network', () => {
    const auto = autoPreset(monthlyPlan, 1)
    for (const name of ['small', 'large'] as const) {
      const sized = sizedPreset(name, auto)
      expect(sized).toMatchObject({
        lookback: 24,
        horizon: 24,
        targetMode: 'auto',
        log: 'log',
        test: { value: 24, unit: 'count' },
      })
      expect(validateDraft(sized, 144)).toEqual([])
    }
    expect(validateDraft(initialDraft(1), 144)).toEqual([])
  })

  it('asks training.autoPlan for the chosen dataset and target, then adopts the plan', async () => {
    const call = vi.fn(async () => monthlyPlan)
    const app = createApp({})
    provideApi(app, { transport: 'websocket', call, on: () => () => undefined } as unknown as ApiClient)
    app.use(createPinia())
    const { model, project, datasets } = app.runWithContext(() => ({
      model: useModelDraft(),
      project: useProject(),
      datasets: useDatasets(),
    }))
    project.current = { projectId: 'p1' } as ProjectView
    datasets.selectedId = 'd1'
    model.targets = ['value']
    model.covariates = ['promo']

    expect(await model.applyPreset('auto')).toBe(true)
    expect(call).toHaveBeenCalledWith('training.autoPlan', {
      projectId: 'p1',
      datasetId: 'd1',
      targets: ['value'],
      covariates: ['promo'],
    })
    expect(model.draft).toMatchObject({ lookback: 24, horizon: 24, targetMode: 'auto' })
  })
})
