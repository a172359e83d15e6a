import type { Handlers } from '../../api/dispatch'
import type { LayerTraceView } from '../../api/requests/inside'
import type { RunThread } from '../runs/run-thread'
import { modelWithData } from '../forecasting/model-source'
import type { OpenProjects } from '../open-projects'

type InsideHandlers = Pick<Handlers, 'inside.trace' | 'inside.compare'>

/** "Inside the cell": the engine's own per-step values for a trained model, computed off the main thread. */
export function insideHandlers(open: OpenProjects, evaluator: RunThread): InsideHandlers {
  return {
    'inside.trace': async ({ projectId, modelId, origin }) => {
      const session = open.get(projectId)
      const { loaded, series } = await modelWithData(session, modelId)
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
    'inside.compare': async ({ projectId, modelId, epochs, seed, example }) => {
      const session = open.get(projectId)
      const { loaded, series } = await modelWithData(session, modelId)
      const curves = await evaluator.compare({ state: loaded.model.state, series, epochs, seed, example })
      return {
        modelId,
        example,
        steps: curves[0]?.gradNorm.length ?? 0,
        epochs,
        seeds: curves[0]?.seeds ?? 0,
        curves: curves.map((curve) => ({
          cell: curve.cell as 'rnn' | 'lstm',
          stage: curve.stage,
          gradNorm: curve.gradNorm,
          relative: curve.relative.map((value) => (Number.isFinite(value) ? value : 0)),
          finalTrainLoss: Number.isFinite(curve.finalTrainLoss) ? curve.finalTrainLoss : null,
        })),
      }
    },
  }
}
