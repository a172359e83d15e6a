import { describe, expect, it } from 'vitest'
import { toForecastingSettings, toTrainingConfig } from '../../../renderer/src/screens/model/draft'
import { initialDraft, sizedPreset } from '../../../renderer/src/screens/model/presets'
import {
  draftFromRun,
  runDatasetId,
  UnreadableRunSettings,
} from '../../../renderer/src/screens/model/settings-draft'
import { trainingStartArgsSchema } from '../../../electron/api/requests/training'

describe("a past run's settings back in the Model screen", () => {
  // What a run record keeps: the parsed `training.start` arguments.
  const recorded = (draft = sizedPreset('large', initialDraft(3))) =>
    trainingStartArgsSchema.parse({
      source: { projectId: 'p1', datasetId: 'd7', targets: ['value'] },
      config: toTrainingConfig(draft),
      forecasting: toForecastingSettings({ ...draft, calendar: ['month'], targetMode: 'level' }),
    }) as unknown as Record<string, unknown>

  it('gives the draft the run was started with', () => {
    const draft = sizedPreset('large', initialDraft(3))
    const back = draftFromRun(recorded(draft), 3)
    expect(toTrainingConfig(back)).toEqual(toTrainingConfig(draft))
    expect(back).toMatchObject({ calendar: ['month'], targetMode: 'level', epochs: 300 })
    expect(runDatasetId(recorded(draft))).toBe('d7')
  })

  it('never asks this machine for more threads than it has', () => {
    expect(draftFromRun(recorded(sizedPreset('small', initialDraft(16))), 2).workers).toBe(2)
  })

  it('refuses a record that no longer fits the contract, with the reason', () => {
    const broken = { ...recorded(), config: { layers: [] } }
    expect(() => draftFromRun(broken, 2)).toThrow(UnreadableRunSettings)
    expect(runDatasetId({})).toBeNull()
  })
})
