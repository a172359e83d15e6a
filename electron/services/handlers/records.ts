import type { Handlers } from '../../api/dispatch'
import type { OpenProjects } from '../open-projects'
import { readRunLossHistory } from '../projects'
import { deleteDataset, deleteModel, deleteRun, renameDataset, renameModel } from '../records/project-records'
import type { AppRuns } from '../runs/app-runs'

type RecordHandlers = Pick<
  Handlers,
  | 'datasets.rename'
  | 'datasets.delete'
  | 'models.rename'
  | 'models.delete'
  | 'runs.delete'
  | 'runs.lossHistory'
>

export function recordHandlers(open: OpenProjects, runs: AppRuns): RecordHandlers {
  return {
    'datasets.rename': ({ projectId, datasetId, name }) =>
      renameDataset(open.get(projectId), datasetId, name),
    'datasets.delete': async ({ projectId, datasetId, confirmName }) => ({
      deleted: await deleteDataset(open.get(projectId), datasetId, confirmName),
    }),
    'models.rename': ({ projectId, modelId, name }) => renameModel(open.get(projectId), modelId, name),
    'models.delete': async ({ projectId, modelId, confirmName }) => ({
      deleted: await deleteModel(open.get(projectId), modelId, confirmName),
    }),
    'runs.delete': async ({ projectId, runId }) => {
      const training = runs.has(runId) && ['queued', 'running', 'paused'].includes(runs.status(runId).state)
      return { deleted: await deleteRun(open.get(projectId), runId, training) }
    },
    'runs.lossHistory': ({ projectId, runId }) => readRunLossHistory(open.get(projectId), runId),
  }
}
