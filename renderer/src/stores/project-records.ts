import { useI18n } from 'vue-i18n'
import { useApi } from '../api/use-api'
import { useNotices } from './notices'
import { useProject } from './project'

/** Renaming and deleting a project's datasets, models and runs; the project is fetched again after each. */
export function useProjectRecords() {
  const api = useApi()
  const project = useProject()
  const notices = useNotices()
  const { t } = useI18n()

  async function change(work: (projectId: string) => Promise<unknown>, done?: string): Promise<boolean> {
    const projectId = project.projectId
    if (!projectId) return false
    try {
      await work(projectId)
      if (done) notices.report('info', done)
      return true
    } catch (error) {
      notices.reportError(error)
      return false
    } finally {
      await project.refresh()
    }
  }

  return {
    renameDataset: (datasetId: string, name: string) =>
      change((projectId) => api.call('datasets.rename', { projectId, datasetId, name })),
    deleteDataset: (datasetId: string, confirmName: string) =>
      change(
        (projectId) => api.call('datasets.delete', { projectId, datasetId, confirmName }),
        t('records.deleted', { name: confirmName }),
      ),
    renameModel: (modelId: string, name: string) =>
      change((projectId) => api.call('models.rename', { projectId, modelId, name })),
    deleteModel: (modelId: string, confirmName: string) =>
      change(
        (projectId) => api.call('models.delete', { projectId, modelId, confirmName }),
        t('records.deleted', { name: confirmName }),
      ),
    deleteRun: (runId: string) =>
      change(
        (projectId) => api.call('runs.delete', { projectId, runId }),
        t('records.deleted', { name: runId }),
      ),
  }
}
