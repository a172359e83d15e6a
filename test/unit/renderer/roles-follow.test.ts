import { createPinia } from 'pinia'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import type { DatasetSeries } from '../../../electron/api/requests/data'
import type { ProjectView } from '../../../electron/api/requests/projects'
import type { ColumnRole } from '../../../electron/api/records'
import type { ApiClient } from '../../../renderer/src/api/client'
import { provideApi } from '../../../renderer/src/api/use-api'
import { useDatasets } from '../../../renderer/src/stores/datasets'
import { useModelDraft } from '../../../renderer/src/screens/model/draft-store'
import { useProject } from '../../../renderer/src/stores/project'

function viewWith(roles: Record<string, ColumnRole>): ProjectView {
  return {
    projectId: 'p1',
    path: '/projects/shop',
    readOnly: false,
    lockedBy: null,
    manifest: { datasets: [{ id: 'd1', name: 'shop', columnRoles: roles }] },
  } as unknown as ProjectView
}

const series: DatasetSeries = {
  datasetId: 'd1',
  rowCount: 3,
  start: 0,
  decimated: false,
  timeColumn: 'date',
  timestamps: [0, 1, 2],
  columns: [
    { name: 'sales', role: 'target', values: [1, 2, 3] },
    { name: 'visits', role: 'covariate', values: [4, 5, 6] },
  ],
}

/** The stores with an API whose project refresh returns whatever `server.view` holds. */
function setup() {
  const server = { view: viewWith({ date: 'time', sales: 'target', visits: 'covariate' }) }
  const call = async (name: string, args: { roles?: Record<string, ColumnRole> }) => {
    if (name === 'data.setRoles') server.view = viewWith(args.roles ?? {})
    if (name === 'projects.get') return server.view
    if (name === 'data.series') return series
    return undefined
  }
  const app = createApp({})
  provideApi(app, { transport: 'websocket', call, on: () => () => undefined } as unknown as ApiClient)
  app.use(createPinia())
  const stores = app.runWithContext(() => ({
    project: useProject(),
    datasets: useDatasets(),
    model: useModelDraft(),
  }))
  // Opening the project selects its first dataset and loads its series, as in the app.
  stores.project.current = server.view
  return { ...stores, server }
}

describe('the Model screen follows the roles saved on the Data screen', () => {
  it('adopts roles saved after it was first opened, and the Data screen shows them too', async () => {
    const { model, datasets } = setup()
    await flushPromises()
    expect([model.targets, model.covariates]).toEqual([['sales'], ['visits']])

    expect(await datasets.saveRoles({ date: 'time', sales: 'target', visits: 'target' })).toBe(true)
    await flushPromises()
    expect([model.targets, model.covariates]).toEqual([['sales', 'visits'], []])
    expect(datasets.series?.columns.map((column) => column.role)).toEqual(['target', 'target'])
    // The chart's values are the same arrays, not copies.
    expect(datasets.series?.columns[0]?.values).toBe(series.columns[0]?.values)
  })

  it('keeps choices made on the Model screen when a refresh brings the same roles again', async () => {
    const { model, project, server } = setup()
    await flushPromises()
    expect(model.covariates).toEqual(['visits'])
    model.covariates = []
    server.view = viewWith({ date: 'time', sales: 'target', visits: 'covariate' })
    project.current = server.view
    await flushPromises()
    expect(model.covariates).toEqual([])
  })
})
