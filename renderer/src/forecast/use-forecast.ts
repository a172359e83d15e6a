import { ref, shallowRef } from 'vue'
import type { ExportFormat, ForecastView, ModelEvaluation } from '../../../electron/api/requests/models'
import { useApi } from '../api/use-api'
import { useNotices } from '../stores/notices'
import { useProject } from '../stores/project'

/** The Forecast screen's calls: evaluate a model, forecast past the data, export model and CSV. */
export function useForecast() {
  const api = useApi()
  const notices = useNotices()
  const project = useProject()
  const modelId = ref<string | null>(null)
  const evaluation = shallowRef<ModelEvaluation | null>(null)
  const forecast = shallowRef<ForecastView | null>(null)
  const busy = ref<'evaluating' | 'forecasting' | 'exporting' | null>(null)

  async function run<T>(
    kind: NonNullable<typeof busy.value>,
    work: (projectId: string, model: string) => Promise<T>,
  ) {
    const projectId = project.projectId
    if (!projectId || !modelId.value) return null
    busy.value = kind
    try {
      return await work(projectId, modelId.value)
    } catch (error) {
      notices.reportError(error)
      return null
    } finally {
      busy.value = null
    }
  }

  async function select(id: string | null): Promise<void> {
    modelId.value = id
    evaluation.value = null
    forecast.value = null
    evaluation.value = await run('evaluating', (projectId, model) =>
      api.call('models.evaluation', { projectId, modelId: model }),
    )
  }

  async function makeForecast(horizon?: number): Promise<void> {
    const view = await run('forecasting', (projectId, model) =>
      api.call('models.forecast', { projectId, modelId: model, horizon }),
    )
    if (view) {
      forecast.value = view
      await project.refresh()
    }
  }

  const exportModel = (format: ExportFormat) =>
    run('exporting', (projectId, model) => api.call('models.export', { projectId, modelId: model, format }))

  const exportCsv = (forecastId: string, delimiter: ',' | ';' | '\t', decimalSeparator: '.' | ',') =>
    run('exporting', (projectId) =>
      api.call('forecasts.exportCsv', { projectId, forecastId, delimiter, decimalSeparator }),
    )

  return { modelId, evaluation, forecast, busy, select, makeForecast, exportModel, exportCsv }
}
