import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import type { RunLossHistory } from '../../../electron/api/requests/records'
import { useApi } from '../api/use-api'
import { useNotices } from './notices'
import { useProject } from './project'

/**
 * Past runs' saved loss curves (`runs.lossHistory`), fetched once per run and kept while the
 * project is open: a finished run's files do not change.
 */
export const useRunLosses = defineStore('runLosses', () => {
  const api = useApi()
  const notices = useNotices()
  const project = useProject()
  const histories = shallowRef(new Map<string, RunLossHistory>())

  watch(
    () => project.projectId,
    () => (histories.value = new Map()),
  )

  async function load(runId: string): Promise<RunLossHistory | null> {
    const known = histories.value.get(runId)
    if (known) return known
    const projectId = project.projectId
    if (!projectId) return null
    try {
      const history = await api.call('runs.lossHistory', { projectId, runId })
      if (project.projectId === projectId) histories.value = new Map(histories.value).set(runId, history)
      return history
    } catch (error) {
      notices.reportError(error)
      return null
    }
  }

  /** A run trained again under the same id (resumed) has new curves. */
  function forget(runId: string): void {
    if (!histories.value.has(runId)) return
    const next = new Map(histories.value)
    next.delete(runId)
    histories.value = next
  }

  return { histories, load, forget }
})
