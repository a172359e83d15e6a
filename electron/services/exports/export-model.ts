import { join } from 'node:path'
import {
  exportOnnx,
  exportTfjs,
  describePreprocessing,
  TFJS_WEIGHTS_FILE,
} from '../../../worker/export/index'
import { loadModelFolder, saveModelFolder, type LoadedModel } from '../models/index'
import { isPanelModelFolder } from '../models/panel/panel-model-folder'
import { writeFileAtomic } from '../storage/index'
import { ExportError } from './export-error'
import { json, prepareDirectory, PREPROCESSING_FILE, type Payload } from './export-directory'
import { exportPanelModelFolder } from './panel/export-panel-model'
import type { ExportFormat } from './export-format'
import { modelCard } from './model-card'

export { ExportError, type ExportErrorCode } from './export-error'

export interface ExportFolderOptions {
  appVersion: string
  /** For reproducible cards in tests; defaults to now. */
  exportedAt?: Date
  /** Write into a folder that already holds files (the user confirmed); refused otherwise. */
  overwrite?: boolean
}

export interface ExportResult {
  format: ExportFormat
  directory: string
  /** Files written, in writing order; README.md last. */
  files: string[]
}

function payloadFor(format: 'onnx' | 'tfjs', loaded: LoadedModel, appVersion: string): Payload {
  // A statistical forecast (a series too short for a network) keeps a placeholder network it never
  // reads; a graph of it would pretend to forecast.
  if (loaded.model.state.config.combination?.network === 0)
    throw new ExportError(
      'EXPORT_NO_NETWORK',
      `This model is a statistical forecast (ETS): it has no network to export as ${format === 'onnx' ? 'ONNX' : 'TensorFlow.js'}. Export it in LSTM Studio's own format, or export its forecast as CSV.`,
    )
  const options = { appVersion }
  const preprocessing = { name: PREPROCESSING_FILE, data: json(describePreprocessing(loaded.model)) }
  if (format === 'onnx')
    return [preprocessing, { name: 'model.onnx', data: exportOnnx(loaded.model, options) }]
  const { modelJson, weightData } = exportTfjs(loaded.model, options)
  // Shard before model.json: a folder with a model.json always has its weights complete.
  return [
    preprocessing,
    { name: TFJS_WEIGHTS_FILE, data: weightData },
    { name: 'model.json', data: json(modelJson) },
  ]
}

async function writeFiles(
  loaded: LoadedModel,
  payload: Payload | null,
  directory: string,
): Promise<string[]> {
  if (payload === null) {
    // The native format re-serializes through the model-format code (same checks, fresh checksum).
    await saveModelFolder(directory, loaded.model, { metrics: loaded.metrics, training: loaded.training })
    return ['weights.bin', 'metrics.json', 'training.json', 'model.json']
  }
  for (const file of payload) await writeFileAtomic(join(directory, file.name), file.data)
  return payload.map((file) => file.name)
}

/**
 * Writes an export of an already loaded model into `directory` (created if needed; one that
 * already holds files only with `overwrite`). Each file is replaced atomically and the README
 * goes last, so a folder with a card is a complete export.
 * `sourceDirectory` guards against overwriting the model folder being exported.
 */
export async function exportLoadedModel(
  loaded: LoadedModel,
  format: ExportFormat,
  directory: string,
  options: ExportFolderOptions & { sourceDirectory?: string },
): Promise<ExportResult> {
  // Built in memory first: an unsupported model is refused before any folder exists.
  const payload = format === 'native' ? null : payloadFor(format, loaded, options.appVersion)
  await prepareDirectory(directory, options.sourceDirectory ?? null, options.overwrite === true)
  const files = await writeFiles(loaded, payload, directory)
  const card = modelCard({
    format,
    manifest: loaded.manifest,
    model: loaded.model,
    metrics: loaded.metrics,
    training: loaded.training,
    files: [...files, 'README.md'],
    appVersion: options.appVersion,
    exportedAt: options.exportedAt ?? new Date(),
  })
  await writeFileAtomic(join(directory, 'README.md'), card)
  return { format, directory, files: [...files, 'README.md'] }
}

/**
 * Loads a native model folder (refusing damaged or foreign ones with ModelFormatError) and exports
 * it; a panel model folder goes to its own exporter (panel/export-panel-model.ts).
 */
export async function exportModelFolder(
  modelDirectory: string,
  format: ExportFormat,
  directory: string,
  options: ExportFolderOptions,
): Promise<ExportResult> {
  // A panel model folder (panel-model.json) has exports of its own: raw windows in, per-series steps beside.
  if (await isPanelModelFolder(modelDirectory))
    return exportPanelModelFolder(modelDirectory, format, directory, options)
  const loaded = await loadModelFolder(modelDirectory)
  return exportLoadedModel(loaded, format, directory, { ...options, sourceDirectory: modelDirectory })
}
