import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ProjectView, RecentProjectView } from '../../../electron/api/requests/projects'
import { useApi } from '../api/use-api'
import { useNotices } from './notices'

/** The last project, which could not be reopened at start-up, and why. */
export interface ReopenFailure {
  name: string
  path: string
  reason: string
}

/** The open project and the recent list; every change goes through the API and comes back as a ProjectView. */
export const useProject = defineStore('project', () => {
  const api = useApi()
  const notices = useNotices()
  const current = ref<ProjectView | null>(null)
  const recent = ref<RecentProjectView[]>([])
  const busy = ref(false)

  const projectId = computed(() => current.value?.projectId ?? null)
  const manifest = computed(() => current.value?.manifest ?? null)

  // A finished run is judged in the background; its model appears in the project when ready.
  api.on('models.ready', (event) => {
    if (event.projectId === projectId.value) void refresh()
  })

  async function guarded<T>(work: () => Promise<T>): Promise<T | null> {
    busy.value = true
    try {
      return await work()
    } catch (error) {
      notices.reportError(error)
      return null
    } finally {
      busy.value = false
    }
  }

  async function loadRecent(): Promise<void> {
    await guarded(async () => (recent.value = await api.call('projects.recent', {})))
  }

  async function adopt(view: ProjectView | null): Promise<void> {
    if (!view) return
    const previous = current.value
    if (previous && previous.projectId !== view.projectId) notices.clear()
    current.value = view
    if (previous && previous.projectId !== view.projectId) {
      await api.call('projects.close', { projectId: previous.projectId }).catch(() => undefined)
    }
    await loadRecent()
  }

  /**
   * First start opens the sample project; later starts reopen the most recent one that still
   * exists. Where that fails, the user is told which project and why (in the words of
   * `reopenFailed`, the view's translation), and gets the sample.
   */
  async function startup(reopenFailed: (failure: ReopenFailure) => string): Promise<void> {
    await loadRecent()
    const last = recent.value.find((entry) => !entry.missing)
    if (last) {
      const view = await api.call('projects.open', { path: last.path }).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error)
        notices.report('warning', reopenFailed({ name: last.name, path: last.path, reason }))
        return null
      })
      if (view) return adopt(view)
    }
    await openSample()
  }

  const openSample = async () => adopt(await guarded(() => api.call('projects.openSample', {})))
  const open = async (path: string) => adopt(await guarded(() => api.call('projects.open', { path })))
  const create = async (name: string) => adopt(await guarded(() => api.call('projects.create', { name })))

  async function refresh(): Promise<void> {
    const id = projectId.value
    if (!id) return
    const view = await guarded(() => api.call('projects.get', { projectId: id }))
    if (view) current.value = view
  }

  async function rename(name: string): Promise<void> {
    const id = projectId.value
    if (!id) return
    const view = await guarded(() => api.call('projects.rename', { projectId: id, name }))
    if (view) current.value = view
    await loadRecent()
  }

  async function duplicate(): Promise<{ path: string; name: string } | null> {
    const id = projectId.value
    if (!id) return null
    const copy = await guarded(() => api.call('projects.duplicate', { projectId: id }))
    await loadRecent()
    return copy
  }

  /**
   * The main side checks the typed name before it closes the project; only a deleted open
   * project is left for the sample project. A refused name keeps everything as it was.
   */
  async function remove(path: string, confirmName: string): Promise<boolean> {
    const deleted = await guarded(() => api.call('projects.delete', { path, confirmName }))
    if (deleted !== null && current.value?.path === path) {
      current.value = null
      await openSample()
    } else await loadRecent()
    return deleted !== null
  }

  return {
    current,
    recent,
    busy,
    projectId,
    manifest,
    startup,
    loadRecent,
    openSample,
    open,
    create,
    refresh,
    rename,
    duplicate,
    remove,
  }
})
