import { exportOnnx, exportTfjs } from '../../../worker/export/index'
import type { TrainedModel } from '../../../worker/pipeline/index'
import type { RunNetwork } from './documented-recipe'
import { runOnnx } from './onnx-runtime'
import { loadInTfjs, predict } from './tfjs-runtime'

/** The model exported to ONNX and run in onnxruntime, one window per call, as the recipe feeds it. */
export function onnxRunner(model: TrainedModel): RunNetwork {
  const bytes = exportOnnx(model)
  const dims = [1, model.state.config.lookback, model.state.spec.inputSize]
  return async (x) => (await runOnnx(bytes, x, dims)).data
}

/** The model exported to TF.js Layers and run in tfjs, one window per call. */
export async function tfjsRunner(model: TrainedModel): Promise<RunNetwork> {
  const layersModel = await loadInTfjs(exportTfjs(model))
  const dims: [number, number, number] = [1, model.state.config.lookback, model.state.spec.inputSize]
  return async (x) => predict(layersModel, x, dims).data
}
