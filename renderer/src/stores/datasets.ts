import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { DatasetSeries } from '../../../electron/api/requests/data'
import type { ColumnRole } from '../../../electron/api/records'
import { useApi } from '../api/use-api'
import { useNotices } from './notices'
import { useProject } from './project'

/** The dataset the Data, Model and Train screens work on, and its values for the chart. */
/** A chart shows at most this many points; the server thins longer series with LTTB. */
const CHART_POINTS = 20_000

export const useDatasets = defineStore('datasets', () => {
  const api = useApi()
  const notices = useNotices()
  const project = useProject()
  const selectedId = ref<string | null>(null)
  // Values can be a million points: kept shallow so Vue does not wrap every number.
  const series = shallowRef<DatasetSeries | null>(null)
  const loading = ref(false)

  const datasets = computed(() => project.manifest?.datasets ?? [])
  const selected = computed(() => datasets.value.find((d) => d.id === selectedId.value) ?? null)

  async function select(id: string | null): Promise<void> {
    selectedId.value = id
    series.value = null
    const projectId = project.projectId
    // A panel's stacked series are no one chart: the Panel screen shows them series by series.
    if (!id || !projectId || selected.value?.panel) return
    loading.value = true
    try {
      const loaded = await api.call('data.series', { projectId, datasetId: id, maxPoints: CHART_POINTS })
      if (selectedId.value === id) series.value = loaded
    } catch (error) {
      notices.reportError(error)
    } finally {
      loading.value = false
    }
  }

  /** After a zoom: the visible rows again, thinned only as far as the screen needs. */
  async function refine(start: number, end: number): Promise<void> {
    const projectId = project.projectId
    const id = selectedId.value
    const current = series.value
    if (!projectId || !id || !current?.decimated) return
    try {
      const detail = await api.call('data.series', {
        projectId,
        datasetId: id,
        maxPoints: CHART_POINTS,
        start,
        end,
      })
      if (selectedId.value === id) series.value = detail
    } catch (error) {
      notices.reportError(error)
    }
  }

  async function saveRoles(roles: Record<string, ColumnRole>): Promise<boolean> {
    const projectId = project.projectId
    const datasetId = selectedId.value
    if (!projectId || !datasetId) return false
    try {
      await api.call('data.setRoles', { projectId, datasetId, roles })
      await project.refresh()
      withRoles(datasetId, roles)
      return true
    } catch (error) {
      notices.reportError(error)
      return false
    }
  }

  /** The loaded series' columns show the saved roles too (its values stay the same arrays). */
  function withRoles(datasetId: string, roles: Record<string, ColumnRole>): void {
    const current = series.value
    if (!current || selectedId.value !== datasetId) return
    series.value = {
      ...current,
      columns: current.columns.map((column) => ({ ...column, role: roles[column.name] ?? column.role })),
    }
  }

  // A newly opened project selects its first dataset (or keeps the selection when it still exists).
  watch(
    () => project.projectId,
    () => {
      const keep = datasets.value.some((d) => d.id === selectedId.value)
      void select(keep ? selectedId.value : (datasets.value[0]?.id ?? null))
    },
  )

  return { datasets, selectedId, selected, series, loading, select, refine, saveRoles }
})
