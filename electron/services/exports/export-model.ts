import { mkdir, readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  exportOnnx,
  exportTfjs,
  describePreprocessing,
  TFJS_WEIGHTS_FILE,
} from '../../../worker/export/index'
import { loadModelFolder, saveModelFolder, type LoadedModel } from '../models/index'
import { CodedError, writeFileAtomic } from '../storage/index'
import { hasErrnoCode } from '../storage/coded-error'
import type { ExportFormat } from './export-format'
import { modelCard } from './model-card'

export type ExportErrorCode =
  'EXPORT_SAME_FOLDER' | 'EXPORT_NOT_A_FOLDER' | 'EXPORT_FOLDER_NOT_EMPTY' | 'EXPORT_NO_NETWORK'

export class ExportError extends CodedError<ExportErrorCode> {}

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

/** Bytes of every file but the card, built before anything touches the disk so a refusal writes nothing. */
type Payload = { name: string; data: string | Uint8Array }[]

const PREPROCESSING_FILE = 'preprocessing.json'

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
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

/** Files already in `directory`, or null when it does not exist yet. */
async function existingEntries(directory: string): Promise<string[] | null> {
  try {
    if (!(await stat(directory)).isDirectory())
      throw new ExportError('EXPORT_NOT_A_FOLDER', `${directory} exists and is not a folder.`)
    return await readdir(directory)
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT')) return null
    throw error
  }
}

function describeEntries(entries: string[]): string {
  const shown = entries.slice(0, 3).join(', ')
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown
}

async function prepareDirectory(directory: string, source: string | null, overwrite: boolean): Promise<void> {
  if (source !== null && resolve(source) === resolve(directory))
    throw new ExportError(
      'EXPORT_SAME_FOLDER',
      'The export folder is the model folder itself; choose another folder.',
    )
  const entries = await existingEntries(directory)
  if (entries !== null && entries.length > 0 && !overwrite)
    throw new ExportError(
      'EXPORT_FOLDER_NOT_EMPTY',
      `The folder ${directory} already holds ${describeEntries(entries.sort())}; the export would write ` +
        'README.md and its model files over any of the same name. Choose an empty folder, or confirm ' +
        'replacing them.',
    )
  await mkdir(directory, { recursive: true })
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

/** Loads a native model folder (refusing damaged or foreign ones with ModelFormatError) and exports it. */
export async function exportModelFolder(
  modelDirectory: string,
  format: ExportFormat,
  directory: string,
  options: ExportFolderOptions,
): Promise<ExportResult> {
  const loaded = await loadModelFolder(modelDirectory)
  return exportLoadedModel(loaded, format, directory, { ...options, sourceDirectory: modelDirectory })
}
