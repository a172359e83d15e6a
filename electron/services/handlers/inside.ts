import type { Handlers } from '../../api/dispatch'
import type { LayerTraceView } from '../../api/requests/inside'
import { datasetSeries, findDataset } from '../forecasting/dataset-series'
import type { Evaluator } from '../forecasting/evaluator'
import { loadModelFolder } from '../models'
import type { LoadedModel } from '../models'
import type { OpenProjects } from '../open-projects'
import type { ProjectSession } from '../projects'

type InsideHandlers = Pick<Handlers, 'inside.trace' | 'inside.compare'>

/** "Inside the cell": the engine's own per-step values for a trained model, computed off the main thread. */
export function insideHandlers(open: OpenProjects, evaluator: Evaluator): InsideHandlers {
  return {
    'inside.trace': async ({ projectId, modelId, origin }) => {
      const session = open.get(projectId)
      const { loaded, series } = await modelAndSeries(session, modelId)
      const trace = await evaluator.trace({
        state: loaded.model.state,
        params: loaded.model.params,
        series,
        origin,
      })
      const timestamps = series.timestamps
      return {
        modelId,
        origin: trace.origin,
        lookback: trace.lookback,
        inputIndices: trace.inputIndices,
        inputTimestamps: timestamps ? trace.inputIndices.map((i) => timestamps[i] ?? Number.NaN) : null,
        layers: trace.layers as LayerTraceView[],
        loss: trace.loss ?? null,
      }
    },
    'inside.compare': async ({ projectId, modelId, epochs, seed }) => {
      const session = open.get(projectId)
      const { loaded, series } = await modelAndSeries(session, modelId)
      const curves = await evaluator.compare({ state: loaded.model.state, series, epochs, seed })
      return {
        modelId,
        steps: curves[0]?.gradNorm.length ?? 0,
        curves: curves.map((curve) => ({
          cell: curve.cell as 'rnn' | 'lstm',
          gradNorm: curve.gradNorm,
          finalTrainLoss: curve.finalTrainLoss,
        })),
      }
    },
  }
}

async function modelAndSeries(session: ProjectSession, modelId: string) {
  if (!session.manifest.models.some((model) => model.id === modelId)) {
    throw Object.assign(new Error(`No model with id "${modelId}" in this project`), { code: 'NOT_FOUND' })
  }
  const loaded: LoadedModel = await loadModelFolder(await session.resolve(`models/${modelId}`))
  const source = (loaded.training as { source?: { datasetId: string; target: string; covariates: string[] } })
    .source
  if (!source)
    throw Object.assign(new Error('This model does not say which dataset it was trained on'), {
      code: 'MODEL_NO_SOURCE',
    })
  const series = await datasetSeries(session, findDataset(session, source.datasetId), source)
  return { loaded, series }
}
