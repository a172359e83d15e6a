// @vitest-environment happy-dom
import { createPinia } from 'pinia'
import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import type { DatasetSeries } from '../../../electron/api/requests/data'
import type { ProjectView } from '../../../electron/api/requests/projects'
import type { RunRecord } from '../../../electron/api/records'
import type { ApiClient } from '../../../renderer/src/api/client'
import { provideApi } from '../../../renderer/src/api/use-api'
import { toForecastingSettings, toTrainingConfig } from '../../../renderer/src/screens/model/draft'
import { useModelDraft } from '../../../renderer/src/screens/model/draft-store'
import { initialDraft, sizedPreset } from '../../../renderer/src/screens/model/presets'
import { useDatasets } from '../../../renderer/src/stores/datasets'
import { useProject } from '../../../renderer/src/stores/project'

function view(projectId: string): ProjectView {
  const dataset = (id: string) => ({ id, name: id, columnRoles: { date: 'time', value: 'target' } })
  return {
    projectId,
    path: `/projects/${projectId}`,
    readOnly: false,
    lockedBy: null,
    manifest: { id: projectId, datasets: [dataset('d1'), dataset('d2')], runs: [], models: [] },
  } as unknown as ProjectView
}

/** A monthly series of `rows` points. */
const seriesOf = (datasetId: string, rows: number): DatasetSeries => ({
  datasetId,
  rowCount: rows,
  start: 0,
  decimated: false,
  timeColumn: 'date',
  timestamps: Array.from({ length: rows }, (_, i) => Date.UTC(2000, i, 1)),
  columns: [{ name: 'value', role: 'target', values: Array.from({ length: rows }, (_, i) => 10 + i) }],
})

function setup(rows: Record<string, number> = { d1: 144, d2: 144 }) {
  const call = async (name: string, args: { datasetId?: string }) =>
    name === 'data.series' ? seriesOf(args.datasetId!, rows[args.datasetId!] ?? 144) : undefined
  const app = createApp({})
  provideApi(app, { transport: 'websocket', call, on: () => () => undefined } as unknown as ApiClient)
  app.use(createPinia())
  const stores = app.runWithContext(() => ({
    project: useProject(),
    datasets: useDatasets(),
    model: useModelDraft(),
  }))
  stores.project.current = view('p1')
  return stores
}

beforeEach(() => localStorage.clear())

describe("the Model draft belongs to its project's dataset", () => {
  it('keeps each dataset its own draft, across a new window', async () => {
    const first = setup()
    await flushPromises()
    expect(first.datasets.selectedId).toBe('d1')
    first.model.draft.epochs = 7
    await first.datasets.select('d2')
    expect(first.model.draft.epochs).toBe(100)
    first.model.draft.epochs = 9
    await first.datasets.select('d1')
    expect(first.model.draft.epochs).toBe(7)

    // A reload: new stores, the same storage.
    const second = setup()
    await flushPromises()
    expect(second.model.draft.epochs).toBe(7)
    await second.datasets.select('d2')
    expect(second.model.draft.epochs).toBe(9)
    // Another project with the same dataset ids starts from the defaults.
    second.project.current = view('p2')
    await flushPromises()
    expect(second.model.draft.epochs).toBe(100)
  })

  it('keeps calendar choices while the series of the dataset switched back to loads', async () => {
    const { model, datasets } = setup()
    await flushPromises()
    model.draft.calendar = ['month']
    await datasets.select('d2')
    expect(model.draft.calendar).toEqual([])
    await datasets.select('d1')
    await flushPromises()
    expect(model.draft.calendar).toEqual(['month'])
  })

  it('names the preset until a setting changes, and refuses one that does not fit', async () => {
    const { model } = setup({ d1: 40 })
    await flushPromises()
    expect(model.origin).toBe('default')
    // 40 points: the first draft's window (20 + 10) does not fit after validation and test.
    expect(model.sizedFits.small).toMatchObject({ fits: false, reason: 'short', rows: 40 })
    const before = JSON.stringify(model.draft)
    expect(await model.applyPreset('large')).toBe(false)
    expect(JSON.stringify(model.draft)).toBe(before)
    model.draft.lookback = 4
    model.draft.horizon = 2
    expect(model.sizedFits.large).toEqual({ fits: true })
    expect(await model.applyPreset('large')).toBe(true)
    expect(model.origin).toBe('large')
    model.draft.epochs = 12
    expect(model.origin).toBe('custom')
  })

  it("reuses a past run's settings in the draft of the run's dataset", async () => {
    const { model, datasets } = setup()
    await flushPromises()
    const settings = sizedPreset('large', initialDraft(2))
    const run = {
      id: 'r1',
      status: 'completed',
      started: null,
      ended: null,
      config: {
        source: { projectId: 'p1', datasetId: 'd2', targets: ['value'], covariates: [] },
        config: toTrainingConfig({ ...settings, epochs: 33 }),
        forecasting: toForecastingSettings(settings),
      },
    } as unknown as RunRecord
    expect(await model.reuseRun(run)).toEqual({ reused: true })
    await flushPromises()
    expect(datasets.selectedId).toBe('d2')
    expect(model.draft.epochs).toBe(33)
    expect(model.origin).toBe('run')
    const gone = { ...run, config: { ...run.config, source: { datasetId: 'nope' } } } as unknown as RunRecord
    expect(await model.reuseRun(gone)).toEqual({ reused: false, problem: 'noDataset' })
  })
})
