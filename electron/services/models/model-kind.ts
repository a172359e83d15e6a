import { FORMAT_NAME, ModelFormatError } from '../../../worker/model-format/index'
import { folderEntries, readJsonCapped } from './folder-files'

/** Which of the three folders `lstm-studio export` writes a folder is, judged by its content. */
export type ModelFolderKind = 'native' | 'onnx' | 'tfjs'

/** model.json of either kind is small; a far larger one is not ours and is refused unread. */
export const MAX_MODEL_JSON_BYTES = 16 * 1024 * 1024

const EXPECTED =
  'expected an LSTM Studio model folder (model.json + weights.bin), an ONNX export (model.onnx) ' +
  'or a TensorFlow.js export (model.json + weight shards)'

function kindOfModelJson(json: unknown): ModelFolderKind | null {
  if (json === null || typeof json !== 'object') return null
  const fields = json as Record<string, unknown>
  if (fields.format === FORMAT_NAME) return 'native'
  if (fields.modelTopology !== undefined && Array.isArray(fields.weightsManifest)) return 'tfjs'
  return null
}

function describeEntries(entries: string[]): string {
  if (entries.length === 0) return 'the folder is empty'
  const shown = entries.slice(0, 8).join(', ')
  return `found ${shown}${entries.length > 8 ? `, … (${entries.length} entries)` : ''}`
}

/**
 * native: model.json with our format name; tfjs: model.json with modelTopology and weightsManifest;
 * onnx: model.onnx. The JSON decides before model.onnx, so a model.json of neither kind is named.
 */
export async function detectModelFolder(directory: string): Promise<ModelFolderKind> {
  const entries = await folderEntries(directory)
  if (entries.includes('model.json')) {
    const kind = kindOfModelJson(await readJsonCapped(directory, 'model.json', MAX_MODEL_JSON_BYTES))
    if (kind) return kind
    if (!entries.includes('model.onnx'))
      throw new ModelFormatError(
        'MODEL_FOREIGN',
        `${directory}/model.json is not an LSTM Studio model (format "${FORMAT_NAME}") ` +
          'and not a TensorFlow.js Layers model (modelTopology + weightsManifest).',
      )
  }
  if (entries.includes('model.onnx')) return 'onnx'
  throw new ModelFormatError(
    'MODEL_MISSING_FILE',
    `${directory} holds no model: ${describeEntries(entries)}; ${EXPECTED}.`,
  )
}
