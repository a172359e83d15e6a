import { ref, shallowRef } from 'vue'
import { ApiError } from '../../../../electron/api/errors'
import type { ExportFormat, ForecastView, ModelEvaluation } from '../../../../electron/api/requests/models'
import { useApi } from '../../api/use-api'
import { downloadExportZip } from './export-download'
import { useNotices } from '../../stores/notices'
import { useProject } from '../../stores/project'

/** The Forecast screen's calls: evaluate a model, forecast past the data, export model and CSV. */
export function useForecast() {
  const api = useApi()
  const notices = useNotices()
  const project = useProject()
  const modelId = ref<string | null>(null)
  const evaluation = shallowRef<ModelEvaluation | null>(null)
  const forecast = shallowRef<ForecastView | null>(null)
  const busy = ref<'evaluating' | 'forecasting' | 'exporting' | null>(null)

  /** Bumped by every selection: replies that arrive for an earlier one are dropped. */
  let selection = 0

  /**
   * Runs one call for the selected model. `forSelection` calls (evaluation, forecast) only
   * count while their model is still the selected one, so a slow reply for a model picked
   * before cannot overwrite the current one, clear its busy state or show its errors.
   */
  async function run<T>(
    kind: NonNullable<typeof busy.value>,
    work: (projectId: string, model: string) => Promise<T>,
    forSelection = false,
  ): Promise<T | null> {
    const projectId = project.projectId
    if (!projectId || !modelId.value) return null
    const ticket = selection
    const counts = () => !forSelection || ticket === selection
    busy.value = kind
    try {
      const result = await work(projectId, modelId.value)
      return counts() ? result : null
    } catch (error) {
      if (counts()) notices.reportError(error)
      return null
    } finally {
      if (ticket === selection) busy.value = null
    }
  }

  async function select(id: string | null): Promise<void> {
    selection++
    modelId.value = id
    evaluation.value = null
    forecast.value = null
    const view = await run(
      'evaluating',
      (projectId, model) => api.call('models.evaluation', { projectId, modelId: model }),
      true,
    )
    if (view) evaluation.value = view
  }

  async function makeForecast(horizon?: number): Promise<void> {
    const view = await run(
      'forecasting',
      (projectId, model) => api.call('models.forecast', { projectId, modelId: model, horizon }),
      true,
    )
    if (view) {
      forecast.value = view
      await project.refresh()
    }
  }

  /**
   * Exports into the model's export folder. One that already holds files (an earlier export,
   * files of the user's) is written over only when `confirmReplace`, shown the main side's
   * message naming the folder, says yes; declining writes and reports nothing.
   */
  const exportModel = (format: ExportFormat, confirmReplace: (message: string) => boolean) =>
    run('exporting', async (projectId, model) => {
      const request = { projectId, modelId: model, format }
      try {
        return await api.call('models.export', request)
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'EXPORT_FOLDER_NOT_EMPTY')) throw error
        if (!confirmReplace(error.message)) return null
        return api.call('models.export', { ...request, overwrite: true })
      }
    })

  const exportCsv = (forecastId: string, delimiter: ',' | ';' | '\t', decimalSeparator: '.' | ',') =>
    run('exporting', (projectId) =>
      api.call('forecasts.exportCsv', { projectId, forecastId, delimiter, decimalSeparator }),
    )

  /**
   * A browser cannot save a folder, nor open the one the export was written to on the server:
   * there, every model export is offered as a zip. The desktop app shows the folder's path.
   */
  const zipsFolders = api.transport === 'websocket'

  /** A model export folder (in the project's exports/) as a zip the browser saves. */
  const downloadZip = (folder: string) =>
    run('exporting', (projectId) => downloadExportZip(api, projectId, folder))

  return {
    modelId,
    evaluation,
    forecast,
    busy,
    select,
    makeForecast,
    exportModel,
    exportCsv,
    downloadZip,
    zipsFolders,
  }
}
