import type { CellTraceView } from '../../../electron/api/requests/inside'
import { createModel, inspectWindow, mulberry32 } from '../../../worker/engine/index'
import type { CellType, WindowTrace } from '../../../worker/engine/index'

/**
 * A small stacked model built by the engine and one window replayed through it, shaped as
 * the `inside.trace` request returns it: the helpers must show exactly these numbers.
 */
export function engineTrace(cells: CellType[], seed = 7): { engine: WindowTrace; view: CellTraceView } {
  const steps = 12
  const inputSize = 2
  const spec = {
    inputSize,
    layers: cells.map((cell, k) => ({ cell, units: 3 + k, dropout: 0 })),
    outputSize: 2,
  }
  const model = createModel(spec, { seed, precision: 'float64' })
  const random = mulberry32(seed)
  const x = Array.from({ length: steps * inputSize }, () => random() * 2 - 1)
  const y = [random(), random()]
  const engine = inspectWindow(spec, model.params, x, y)
  const view: CellTraceView = {
    modelId: 'engine',
    origin: steps,
    lookback: steps,
    inputTimestamps: null,
    inputIndices: Array.from({ length: steps }, (_, t) => t),
    // The request sends the engine's layers as JSON: a round trip is what the renderer receives.
    layers: JSON.parse(JSON.stringify(engine.layers)),
    loss: engine.loss ?? null,
  }
  return { engine, view }
}
