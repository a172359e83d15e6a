import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadModelFolder, saveModelFolder } from '../../../electron/services/models/index'
import { mulberry32, paramCount } from '../../../worker/engine/index'
import {
  FILES,
  fnv1a32,
  ModelFormatError,
  parseManifest,
  parseWeights,
  serializeModel,
  toTrainedModel,
  type ModelManifest,
} from '../../../worker/model-format/index'
import { forecastAhead, prepare } from '../../../worker/pipeline/index'
import { modelWith, monthlySeries, seasonalSeries, tinyConfig } from '../pipeline/helpers'

const values = seasonalSeries(120)
const series = monthlySeries(values)

function sampleModel() {
  const { state } = prepare(
    series,
    tinyConfig({
      targetMode: 'seasonalResidual',
      transforms: { scaling: 'zscore', log: 'log', difference: 'none' },
    }),
  )
  const random = mulberry32(4)
  const size = paramCount(state.spec)
  const params = Float32Array.from({ length: size }, () => random() - 0.5)
  const model = modelWith(state, params, series)
  model.calibrations[0].halfWidths[95][5] = Infinity
  return model
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action()
  } catch (error) {
    if (error instanceof ModelFormatError) return error.code
    throw error
  }
  return undefined
}

function edited(edit: (manifest: ModelManifest) => void): string {
  const manifest = structuredClone(serializeModel(sampleModel()).manifest)
  edit(manifest)
  return JSON.stringify(manifest)
}

describe('native model format (pure)', () => {
  it('round-trips state, weights and calibration exactly', () => {
    const model = sampleModel()
    const { manifest, weights } = serializeModel(model)
    const parsed = parseManifest(JSON.stringify(manifest))
    const params = parseWeights(parsed.manifest, weights)
    const back = toTrainedModel(parsed.manifest, params)
    expect(Array.from(back.params)).toEqual(Array.from(model.params))
    expect(back.state).toEqual(model.state)
    expect(back.calibrations[0].halfWidths[95][5]).toBe(Infinity)
    expect(Array.from(back.calibrations[0].halfWidths[80])).toEqual(
      Array.from(model.calibrations[0].halfWidths[80]),
    )
    expect(back.frequency).toEqual({ unit: 'month', step: 1 })
    expect(back.lastTimestamp).toBe(model.lastTimestamp)
    expect(manifest.features).toEqual(['target.value', 'target.value.seasonalDifference'])
    expect(weights.length).toBe(4 * model.params.length)
  })

  it('refuses foreign files, newer versions and every inconsistency with its code', () => {
    expect(codeOf(() => parseManifest('not json at all'))).toBe('MODEL_FOREIGN')
    expect(codeOf(() => parseManifest('{"format":"keras","version":1}'))).toBe('MODEL_FOREIGN')
    expect(codeOf(() => parseManifest('[1,2]'))).toBe('MODEL_FOREIGN')
    expect(codeOf(() => parseManifest(edited((m) => (m.version = 3))))).toBe('MODEL_TOO_NEW')
    expect(codeOf(() => parseManifest(edited((m) => (m.version = 0))))).toBe('MODEL_DAMAGED')
    expect(codeOf(() => parseManifest(edited((m) => (m.weights.count += 1))))).toBe('MODEL_DAMAGED')
    expect(codeOf(() => parseManifest(edited((m) => (m.weights.bytes -= 4))))).toBe('MODEL_DAMAGED')
    expect(codeOf(() => parseManifest(edited((m) => (m.engine.layout[0].size += 1))))).toBe('MODEL_DAMAGED')
    expect(codeOf(() => parseManifest(edited((m) => (m.engine.spec.layers[0].units = 7))))).toBe(
      'MODEL_DAMAGED',
    )
    expect(codeOf(() => parseManifest(edited((m) => (m.weights.count = 1e12))))).toBe('MODEL_DAMAGED')
    expect(
      codeOf(() => parseManifest(edited((m) => (m.pipeline.targets[0].transform.scale.scale = -1)))),
    ).toBe('MODEL_DAMAGED')
    expect(codeOf(() => parseManifest(edited((m) => m.calibrations[0].halfWidths['80'].pop())))).toBe(
      'MODEL_DAMAGED',
    )
    expect(codeOf(() => parseManifest(edited((m) => (m.pipeline.targets = []))))).toBe('MODEL_DAMAGED')
    expect(codeOf(() => parseManifest(edited((m) => (m.pipeline.targets[0].name = ''))))).toBe(
      'MODEL_DAMAGED',
    )
    expect(codeOf(() => parseManifest(edited((m) => (m.horizon = 99))))).toBe('MODEL_DAMAGED')
    expect(codeOf(() => parseManifest(edited((m) => (m.engine.members = 2))))).toBe('MODEL_DAMAGED')
    expect(codeOf(() => parseManifest(edited((m) => delete (m as Partial<ModelManifest>).engine)))).toBe(
      'MODEL_DAMAGED',
    )
  })

  it('refuses weights of the wrong size, with a bad checksum, or holding NaN', () => {
    const { manifest, weights } = serializeModel(sampleModel())
    expect(codeOf(() => parseWeights(manifest, weights.subarray(4)))).toBe('MODEL_DAMAGED')
    const flipped = weights.slice()
    flipped[10] ^= 0xff
    expect(codeOf(() => parseWeights(manifest, flipped))).toBe('MODEL_DAMAGED')
    const nan = weights.slice()
    new DataView(nan.buffer).setFloat32(8, NaN, true)
    expect(
      codeOf(() =>
        parseWeights({ ...manifest, weights: { ...manifest.weights, fnv1a32: fnv1a32(nan) } }, nan),
      ),
    ).toBe('MODEL_DAMAGED')
  })
})

describe('model folder on disk', () => {
  const dirs: string[] = []
  const freshDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-model-'))
    dirs.push(dir)
    return dir
  }
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

  it('saves and loads a model that forecasts identically', async () => {
    const dir = await freshDir()
    const model = sampleModel()
    await saveModelFolder(dir, model, { metrics: { test: { mase: 0.9 } }, training: { epochs: 3 } })
    const loaded = await loadModelFolder(dir)
    expect(loaded.metrics).toEqual({ test: { mase: 0.9 } })
    expect(loaded.training).toEqual({ epochs: 3 })
    const before = await forecastAhead(model, series, { backend: 'reference' })
    const after = await forecastAhead(loaded.model, series, { backend: 'reference' })
    expect(Array.from(after.targets[0].mean)).toEqual(Array.from(before.targets[0].mean))
  })

  it('refuses a truncated weights file, a missing file and a damaged JSON side file', async () => {
    const dir = await freshDir()
    await saveModelFolder(dir, sampleModel(), { metrics: {}, training: {} })
    const weightsPath = join(dir, FILES.weights)
    const bytes = await readFile(weightsPath)
    await writeFile(weightsPath, bytes.subarray(0, bytes.length - 4))
    await expect(loadModelFolder(dir)).rejects.toMatchObject({ code: 'MODEL_DAMAGED' })
    await unlink(weightsPath)
    await expect(loadModelFolder(dir)).rejects.toMatchObject({ code: 'MODEL_MISSING_FILE' })
    await writeFile(weightsPath, bytes)
    await writeFile(join(dir, FILES.metrics), '{broken')
    await expect(loadModelFolder(dir)).rejects.toMatchObject({ code: 'MODEL_DAMAGED' })
    await expect(loadModelFolder(join(dir, 'nowhere'))).rejects.toMatchObject({ code: 'MODEL_MISSING_FILE' })
  })
})
