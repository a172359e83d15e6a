import { computed, ref, shallowRef, watch } from 'vue'
import type { PanelResults, PanelSeriesDetail } from '../../../../electron/api/requests/panel'
import { useApi } from '../../api/use-api'
import { useNotices } from '../../stores/notices'
import { useProject } from '../../stores/project'

/**
 * The Panel screen's state: which panel dataset and which of its models are shown, the model's
 * scores and series (fetched once per model), and the series opened in detail.
 */
export function usePanel() {
  const api = useApi()
  const notices = useNotices()
  const project = useProject()
  const datasetId = ref<string | null>(null)
  const modelId = ref<string | null>(null)
  // Up to 10,000 rows: shallow, so Vue does not wrap every number.
  const results = shallowRef<PanelResults | null>(null)
  const detail = shallowRef<PanelSeriesDetail | null>(null)

  const panels = computed(() => (project.manifest?.datasets ?? []).filter((d) => d.panel !== undefined))
  const dataset = computed(() => panels.value.find((d) => d.id === datasetId.value) ?? null)
  const models = computed(() =>
    (project.manifest?.models ?? []).filter(
      (m) => m.spec.kind === 'panel' && m.spec.datasetId === datasetId.value,
    ),
  )

  // The newest panel and its newest model are shown unless the person chose others.
  watch(
    panels,
    (list) => {
      if (!list.some((d) => d.id === datasetId.value)) datasetId.value = list.at(-1)?.id ?? null
    },
    { immediate: true },
  )
  watch(
    models,
    (list, before) => {
      // A model that appears for the panel already shown was just trained: show it.
      const sameDataset =
        before !== undefined && before.length > 0 && before.every((m) => m.spec.datasetId === datasetId.value)
      const added = sameDataset ? list.find((m) => !before.some((b) => b.id === m.id)) : undefined
      if (added) modelId.value = added.id
      else if (!list.some((m) => m.id === modelId.value)) modelId.value = list.at(-1)?.id ?? null
    },
    { immediate: true },
  )

  watch(
    [() => project.projectId, modelId],
    async ([projectId, id]) => {
      results.value = null
      detail.value = null
      if (!projectId || !id) return
      try {
        const loaded = await api.call('panel.results', { projectId, modelId: id })
        if (modelId.value === id) results.value = loaded
      } catch (error) {
        notices.reportError(error)
      }
    },
    { immediate: true },
  )

  async function open(index: number): Promise<void> {
    const projectId = project.projectId
    const id = modelId.value
    if (!projectId || !id) return
    try {
      const loaded = await api.call('panel.series', { projectId, modelId: id, index })
      if (modelId.value === id) detail.value = loaded
    } catch (error) {
      notices.reportError(error)
    }
  }

  function close(): void {
    detail.value = null
  }

  return { datasetId, modelId, panels, dataset, models, results, detail, open, close }
}
