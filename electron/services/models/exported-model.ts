import type { Backend } from '../../../worker/engine/index'
import { readOnnxModel } from '../../../worker/export/read/index'
import { MAX_WEIGHTS } from '../../../worker/model-format/index'
import type { TrainedModel } from '../../../worker/pipeline/index'
import { readCapped } from './folder-files'
import { loadModelFolder } from './model-folder'
import { detectModelFolder, type ModelFolderKind } from './model-kind'
import { loadTfjsExport } from './tfjs-export'

/** A model ready for forecastAhead, from any folder `lstm-studio export` writes. */
export interface ForecastModel {
  kind: ModelFolderKind
  model: TrainedModel
  /** Set for TF.js exports: pass as forecastAhead's `network`. */
  network?: Backend
}

/** Every weight of an ensemble fits under this, plus room for the graph around them. */
const MAX_ONNX_BYTES = 4 * MAX_WEIGHTS + 16 * 1024 * 1024

/**
 * Native folders load as always; ONNX exports are read back into engine weights; TF.js exports
 * run in tfjs. Each refusal is a ModelFormatError naming what was found and what was expected.
 */
export async function loadForecastModel(directory: string): Promise<ForecastModel> {
  const kind = await detectModelFolder(directory)
  if (kind === 'native') {
    return { kind, model: (await loadModelFolder(directory)).model }
  }
  if (kind === 'onnx') {
    const read = readOnnxModel(await readCapped(directory, 'model.onnx', MAX_ONNX_BYTES))
    return { kind, model: read.model }
  }
  const tfjs = await loadTfjsExport(directory)
  return { kind, model: tfjs.model, network: tfjs.network }
}
