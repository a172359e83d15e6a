import { ref, shallowRef } from 'vue'
import type { CellTraceView } from '../../../../electron/api/requests/inside'
import type { DatasetRecord, ModelRecord } from '../../../../electron/api/records'
import { useApi } from '../../api/use-api'
import { errorText } from './error-text'

/**
 * The project's models and the trace of the chosen one. The valid origins are learnt from
 * the engine itself: it clamps any origin to the windows that exist, so asking for the
 * latest window and for origin 0 gives both ends of the slider.
 */
export function useInsideTrace(projectId: () => string) {
  const api = useApi()
  const models = ref<ModelRecord[]>([])
  const datasets = ref<DatasetRecord[]>([])
  const modelId = ref<string | null>(null)
  const range = ref<{ min: number; max: number } | null>(null)
  const origin = ref(0)
  const trace = shallowRef<CellTraceView | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  // Bumped whenever the model changes, so a late answer for the previous one is dropped.
  let generation = 0

  async function refresh(preferred?: string): Promise<void> {
    error.value = null
    try {
      const project = await api.call('projects.get', { projectId: projectId() })
      models.value = project.manifest.models
      datasets.value = project.manifest.datasets
      const keep = models.value.find((model) => model.id === (preferred ?? modelId.value))
      const chosen = keep ?? models.value[models.value.length - 1]
      if (chosen && chosen.id !== modelId.value) await openModel(chosen.id)
    } catch (failure) {
      error.value = errorText(failure)
    }
  }

  async function openModel(id: string): Promise<void> {
    const mine = ++generation
    modelId.value = id
    loading.value = true
    error.value = null
    trace.value = null
    try {
      const latest = await api.call('inside.trace', { projectId: projectId(), modelId: id })
      const earliest = await api.call('inside.trace', { projectId: projectId(), modelId: id, origin: 0 })
      if (mine !== generation) return
      range.value = { min: earliest.origin, max: latest.origin }
      origin.value = latest.origin
      trace.value = latest
    } catch (failure) {
      if (mine === generation) error.value = errorText(failure)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  // A dragged slider asks for many origins: only the last one still wanted is fetched next.
  let wanted: number | null = null
  let pumping = false

  function showOrigin(value: number): void {
    origin.value = value
    wanted = value
    if (!pumping) void pump()
  }

  async function pump(): Promise<void> {
    pumping = true
    while (wanted !== null && modelId.value) {
      const next = wanted
      const mine = generation
      wanted = null
      try {
        const answer = await api.call('inside.trace', {
          projectId: projectId(),
          modelId: modelId.value,
          origin: next,
        })
        if (mine === generation && wanted === null) trace.value = answer
      } catch (failure) {
        if (mine === generation) error.value = errorText(failure)
      }
    }
    pumping = false
  }

  return { models, datasets, modelId, range, origin, trace, loading, error, refresh, openModel, showOrigin }
}
