import { mkdir, stat } from 'node:fs/promises'
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

export type ExportErrorCode = 'EXPORT_SAME_FOLDER' | 'EXPORT_NOT_A_FOLDER'

export class ExportError extends CodedError<ExportErrorCode> {}

export interface ExportFolderOptions {
  appVersion: string
  /** For reproducible cards in tests; defaults to now. */
  exportedAt?: Date
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

async function prepareDirectory(directory: string, source: string | null): Promise<void> {
  if (source !== null && resolve(source) === resolve(directory))
    throw new ExportError(
      'EXPORT_SAME_FOLDER',
      'The export folder is the model folder itself; choose another folder.',
    )
  try {
    if (!(await stat(directory)).isDirectory())
      throw new ExportError('EXPORT_NOT_A_FOLDER', `${directory} exists and is not a folder.`)
  } catch (error) {
    if (!hasErrnoCode(error, 'ENOENT')) throw error
  }
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
 * Writes an export of an already loaded model into `directory` (created if needed). Each file is
 * replaced atomically and the README goes last, so a folder with a card is a complete export.
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
  await prepareDirectory(directory, options.sourceDirectory ?? null)
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
