import { mkdir, open, stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  checkWeightsSize,
  FILES,
  FNV_OFFSET,
  fnv1a32Update,
  fnvHex,
  ModelFormatError,
  parseManifest,
  parseWeights,
  serializeModel,
  toTrainedModel,
  type ModelManifest,
} from '../../../worker/model-format/index'
import type { TrainedModel } from '../../../worker/pipeline/index'
import { writeFileAtomic, writeJsonAtomic } from '../storage/index'
import { hasErrnoCode } from '../storage/coded-error'
import { recordedTargets } from './recorded-targets'

/** model.json is small; anything far larger is not one of ours and is refused unread. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024

export interface ModelExtras {
  /** metrics.json: the model's and the baselines' scores. */
  metrics: unknown
  /** training.json: configuration and loss history summary. */
  training: unknown
}

export interface LoadedModel extends ModelExtras {
  model: TrainedModel
  manifest: ModelManifest
}

/** Weights first, model.json last: a folder with a model.json always has its weights complete. */
export async function saveModelFolder(
  directory: string,
  model: TrainedModel,
  extras: ModelExtras,
): Promise<void> {
  await mkdir(directory, { recursive: true })
  const { manifest, weights } = serializeModel(model)
  await writeFileAtomic(join(directory, FILES.weights), weights)
  await writeJsonAtomic(join(directory, FILES.metrics), extras.metrics)
  await writeJsonAtomic(join(directory, FILES.training), extras.training)
  await writeJsonAtomic(join(directory, FILES.model), manifest)
}

async function sizeOf(path: string, name: string): Promise<number> {
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new ModelFormatError('MODEL_FOREIGN', `${name} is not a file.`)
    return info.size
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT', 'ENOTDIR'))
      throw new ModelFormatError('MODEL_MISSING_FILE', `The model folder has no ${name}.`)
    throw error
  }
}

/** Reads exactly `size` bytes (the size already validated), never more. */
async function readExactly(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const bytes = new Uint8Array(size)
    const { bytesRead } = await handle.read(bytes, 0, size, 0)
    if (bytesRead !== size)
      throw new ModelFormatError('MODEL_DAMAGED', 'The model is damaged: a file changed while reading.')
    return bytes
  } finally {
    await handle.close()
  }
}

async function readJson(path: string, name: string): Promise<unknown> {
  const size = await sizeOf(path, name)
  if (size > MAX_MANIFEST_BYTES)
    throw new ModelFormatError('MODEL_DAMAGED', `The model is damaged: ${name} is ${size} bytes.`)
  try {
    return JSON.parse(new TextDecoder().decode(await readExactly(path, size)))
  } catch (error) {
    if (error instanceof ModelFormatError) throw error
    throw new ModelFormatError('MODEL_DAMAGED', `The model is damaged: ${name} is not valid JSON.`)
  }
}

const CHUNK_BYTES = 1 << 20

/**
 * Checks weights.bin's checksum and finiteness in 1 MiB chunks before the weights are
 * allocated whole: a damaged or hostile file of any size (under the declared limit) is
 * refused having cost one chunk of memory.
 */
async function verifyWeightsInChunks(path: string, size: number, expected: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    const chunk = new Uint8Array(CHUNK_BYTES)
    const floats = new Float32Array(chunk.buffer)
    let hash = FNV_OFFSET
    for (let offset = 0; offset < size; offset += CHUNK_BYTES) {
      const length = Math.min(CHUNK_BYTES, size - offset)
      const { bytesRead } = await handle.read(chunk, 0, length, offset)
      if (bytesRead !== length)
        throw new ModelFormatError('MODEL_DAMAGED', 'The model is damaged: weights.bin is truncated.')
      hash = fnv1a32Update(hash, chunk.subarray(0, length))
      for (let i = 0; i < length / 4; i++) {
        if (!Number.isFinite(floats[i])) {
          throw new ModelFormatError(
            'MODEL_DAMAGED',
            'The model is damaged: weights.bin holds NaN or infinite weights.',
          )
        }
      }
    }
    if (fnvHex(hash) !== expected) {
      throw new ModelFormatError(
        'MODEL_DAMAGED',
        'The model is damaged: weights.bin does not match its checksum.',
      )
    }
  } finally {
    await handle.close()
  }
}

/**
 * Validates model.json and every declared size before the weights are read or allocated. A format 1
 * model.json takes its first target's name from training.json.
 */
export async function loadModelFolder(directory: string): Promise<LoadedModel> {
  const manifestPath = join(directory, FILES.model)
  const manifestSize = await sizeOf(manifestPath, FILES.model)
  if (manifestSize > MAX_MANIFEST_BYTES)
    throw new ModelFormatError(
      'MODEL_FOREIGN',
      `${FILES.model} is ${manifestSize} bytes: not an LSTM Studio model.`,
    )
  const text = new TextDecoder().decode(await readExactly(manifestPath, manifestSize))
  const trainingPath = join(directory, FILES.training)
  // Only a missing first name needs it here; a missing or damaged training.json is refused below, in turn.
  const recorded = recordedTargets(await readJson(trainingPath, FILES.training).catch(() => null))
  const { manifest } = parseManifest(text, { firstTargetName: recorded?.[0] })
  const weightsPath = join(directory, FILES.weights)
  checkWeightsSize(manifest, await sizeOf(weightsPath, FILES.weights))
  await verifyWeightsInChunks(weightsPath, manifest.weights.bytes, manifest.weights.fnv1a32)
  const params = parseWeights(manifest, await readExactly(weightsPath, manifest.weights.bytes))
  return {
    manifest,
    model: toTrainedModel(manifest, params),
    metrics: await readJson(join(directory, FILES.metrics), FILES.metrics),
    training: await readJson(trainingPath, FILES.training),
  }
}
