import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadModelFolder, saveModelFolder } from '../../../electron/services/models/index'
import { layoutSize, mulberry32, paramCount, paramLayout } from '../../../worker/engine/index'
import type { ModelSpec } from '../../../worker/engine/index'
import { FILES, fnv1a32, ModelFormatError } from '../../../worker/model-format/index'
import type { ModelManifest } from '../../../worker/model-format/index'
import { prepare } from '../../../worker/pipeline/index'
import { modelWith, monthlySeries, seasonalSeries, tinyConfig } from '../pipeline/helpers'

// Model folders arrive by mail, USB stick and sync clients: every damaged one must be refused with
// its code, and one declaring gigabytes must be refused before anything of that size is allocated.
const CODES = ['MODEL_DAMAGED', 'MODEL_TOO_NEW', 'MODEL_FOREIGN', 'MODEL_MISSING_FILE']
/** Growth of ArrayBuffer memory tolerated across one load (the real model is a few KB). */
const ALLOCATION_SLACK = 8 * 1024 * 1024

let root: string
let original: { manifest: ModelManifest; weights: Uint8Array; metrics: string; training: string }
let folderCount = 0

function sampleModel() {
  const series = monthlySeries(seasonalSeries(96))
  const { state } = prepare(series, tinyConfig({ layers: [{ cell: 'lstm', units: 4, dropout: 0 }] }))
  const random = mulberry32(11)
  const params = Float32Array.from({ length: paramCount(state.spec) }, () => random() - 0.5)
  return modelWith(state, params, series)
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lstm-model-files-'))
  const dir = join(root, 'original')
  await saveModelFolder(dir, sampleModel(), { metrics: { test: { mae: 1 } }, training: { epochs: 4 } })
  original = {
    manifest: JSON.parse(await readFile(join(dir, FILES.model), 'utf8')) as ModelManifest,
    weights: new Uint8Array(await readFile(join(dir, FILES.weights))),
    metrics: await readFile(join(dir, FILES.metrics), 'utf8'),
    training: await readFile(join(dir, FILES.training), 'utf8'),
  }
})

afterAll(() => rm(root, { recursive: true, force: true }))

interface Folder {
  manifest?: string | Uint8Array | null
  weights?: Uint8Array | null
  /** Makes weights.bin a sparse file of this many bytes (nothing is written or allocated). */
  sparseWeights?: number
  /** Makes model.json a sparse file of this many bytes. */
  sparseManifest?: number
}

async function folder(files: Folder): Promise<string> {
  const dir = join(root, `case-${folderCount++}`)
  await mkdir(dir)
  const manifest = files.manifest === undefined ? JSON.stringify(original.manifest) : files.manifest
  if (files.sparseManifest !== undefined) {
    await writeFile(join(dir, FILES.model), '')
    await truncate(join(dir, FILES.model), files.sparseManifest)
  } else if (manifest !== null) await writeFile(join(dir, FILES.model), manifest)
  if (files.sparseWeights !== undefined) {
    await writeFile(join(dir, FILES.weights), '')
    await truncate(join(dir, FILES.weights), files.sparseWeights)
  } else {
    const weights = files.weights === undefined ? original.weights : files.weights
    if (weights !== null) await writeFile(join(dir, FILES.weights), weights)
  }
  await writeFile(join(dir, FILES.metrics), original.metrics)
  await writeFile(join(dir, FILES.training), original.training)
  return dir
}

function edited(edit: (manifest: ModelManifest) => void): string {
  const manifest = structuredClone(original.manifest)
  edit(manifest)
  return JSON.stringify(manifest)
}

/** The code of the refusal, or 'loaded'; anything but a ModelFormatError fails the test. */
async function outcome(dir: string): Promise<string> {
  try {
    await loadModelFolder(dir)
    return 'loaded'
  } catch (error) {
    if (error instanceof ModelFormatError) return error.code
    throw error
  }
}

/** A consistent manifest for a network of `units` units per layer: only the size is absurd. */
function inflated(units: number, layers = 1): { manifest: string; bytes: number } {
  const manifest = structuredClone(original.manifest)
  const spec: ModelSpec = {
    ...manifest.engine.spec,
    layers: Array.from({ length: layers }, () => ({ cell: 'lstm' as const, units, dropout: 0 })),
  }
  const layout = paramLayout(spec)
  const count = layoutSize(layout) * manifest.engine.members
  manifest.engine = { ...manifest.engine, spec, layout }
  manifest.pipeline = {
    ...manifest.pipeline,
    spec,
    config: { ...manifest.pipeline.config, layers: spec.layers.map((layer) => ({ ...layer })) },
  }
  manifest.weights = { ...manifest.weights, count, bytes: count * 4, fnv1a32: '00000000' }
  return { manifest: JSON.stringify(manifest), bytes: count * 4 }
}

/**
 * Refusal code and the growth of ArrayBuffer memory across the load. Nothing collects in between
 * on purpose (a GC before, none after): a buffer allocated and dropped is still counted.
 */
async function measuredOutcome(dir: string): Promise<{ code: string; grewBy: number }> {
  ;(globalThis as { gc?: () => void }).gc?.()
  const before = process.memoryUsage().arrayBuffers
  const code = await outcome(dir)
  return { code, grewBy: process.memoryUsage().arrayBuffers - before }
}

describe('model folders from elsewhere', () => {
  it('loads the untouched folder (the fixture is valid)', async () => {
    expect(await outcome(await folder({}))).toBe('loaded')
  })

  it('refuses damaged weights with MODEL_DAMAGED', async () => {
    const { weights } = original
    expect(await outcome(await folder({ weights: weights.subarray(0, weights.length - 4) }))).toBe(
      'MODEL_DAMAGED',
    )
    expect(await outcome(await folder({ weights: weights.subarray(0, 3) }))).toBe('MODEL_DAMAGED')
    expect(await outcome(await folder({ weights: new Uint8Array(0) }))).toBe('MODEL_DAMAGED')
    const longer = new Uint8Array(weights.length + 4)
    longer.set(weights)
    expect(await outcome(await folder({ weights: longer }))).toBe('MODEL_DAMAGED')
    const flipped = weights.slice()
    flipped[5] ^= 0x40
    expect(await outcome(await folder({ weights: flipped }))).toBe('MODEL_DAMAGED')
    for (const bad of [NaN, Infinity, -Infinity]) {
      const poisoned = weights.slice()
      new DataView(poisoned.buffer).setFloat32(12, bad, true)
      // With a matching checksum, so only the finiteness check can catch it.
      const manifest = edited((m) => (m.weights.fnv1a32 = fnv1a32(poisoned)))
      expect(await outcome(await folder({ manifest, weights: poisoned }))).toBe('MODEL_DAMAGED')
    }
  })

  it('refuses wrong shapes, formats and versions with their codes', async () => {
    const cases: Array<[string, (m: ModelManifest) => void, string]> = [
      ['units changed', (m) => (m.engine.spec.layers[0]!.units = 5), 'MODEL_DAMAGED'],
      ['layout size changed', (m) => (m.engine.layout[0]!.size += 1), 'MODEL_DAMAGED'],
      ['input size changed', (m) => (m.engine.spec.inputSize += 1), 'MODEL_DAMAGED'],
      ['pipeline spec differs', (m) => (m.pipeline.spec.outputSize += 1), 'MODEL_DAMAGED'],
      ['count off by one', (m) => (m.weights.count += 1), 'MODEL_DAMAGED'],
      ['negative bytes', (m) => (m.weights.bytes = -4), 'MODEL_DAMAGED'],
      ['float64 weights', (m) => ((m.weights as { dtype: string }).dtype = 'float64-le'), 'MODEL_DAMAGED'],
      ['ensemble of 1e6', (m) => (m.engine.members = 1e6), 'MODEL_DAMAGED'],
      ['horizon differs', (m) => (m.horizon = 99), 'MODEL_DAMAGED'],
      ['format name', (m) => ((m as { format: string }).format = 'keras'), 'MODEL_FOREIGN'],
      ['version 3', (m) => (m.version = 3), 'MODEL_TOO_NEW'],
      ['version 1 without its fields', (m) => (m.version = 1), 'MODEL_DAMAGED'],
      ['version 1e308', (m) => (m.version = 1e308), 'MODEL_TOO_NEW'],
      ['version 0', (m) => (m.version = 0), 'MODEL_DAMAGED'],
      ['version "1"', (m) => ((m as { version: unknown }).version = '1'), 'MODEL_DAMAGED'],
      ['no engine', (m) => delete (m as Partial<ModelManifest>).engine, 'MODEL_DAMAGED'],
      ['no calibrations', (m) => delete (m as Partial<ModelManifest>).calibrations, 'MODEL_DAMAGED'],
      [
        'no targets',
        (m) => delete (m.pipeline as Partial<ModelManifest['pipeline']>).targets,
        'MODEL_DAMAGED',
      ],
      ['layers null', (m) => ((m.engine.spec as { layers: unknown }).layers = null), 'MODEL_DAMAGED'],
    ]
    for (const [what, edit, code] of cases) {
      expect([what, await outcome(await folder({ manifest: edited(edit) }))]).toEqual([what, code])
    }
    expect(await outcome(await folder({ manifest: '[]' }))).toBe('MODEL_FOREIGN')
    expect(await outcome(await folder({ manifest: 'null' }))).toBe('MODEL_FOREIGN')
    expect(await outcome(await folder({ manifest: '' }))).toBe('MODEL_FOREIGN')
    expect(await outcome(await folder({ manifest: null }))).toBe('MODEL_MISSING_FILE')
    expect(await outcome(await folder({ weights: null }))).toBe('MODEL_MISSING_FILE')
  })

  it('refuses a network declaring gigabytes before allocating them', async () => {
    for (const [units, layers] of [
      [1e9, 1],
      [100_000, 1],
      [20_000, 2],
    ] as const) {
      const { manifest, bytes } = inflated(units, layers)
      expect(bytes).toBeGreaterThan(1e9)
      // The weights file really has the declared size (sparse: it costs no disk).
      const sparse = Number.isSafeInteger(bytes) && bytes < 2 ** 40 ? bytes : undefined
      const dir = await folder({ manifest, sparseWeights: sparse })
      const { code, grewBy } = await measuredOutcome(dir)
      expect(code).toBe('MODEL_DAMAGED')
      expect(grewBy).toBeLessThan(ALLOCATION_SLACK)
    }
  })

  it('refuses a large model under the size limit whose weights do not match, without holding them whole', async () => {
    // 4,000 units: ~64 M weights (~256 MB), under the limit; a sparse weights.bin of zeros and a wrong checksum.
    const { manifest, bytes } = inflated(4_000, 1)
    expect(bytes).toBeGreaterThan(200e6)
    const { code, grewBy } = await measuredOutcome(await folder({ manifest, sparseWeights: bytes }))
    expect(code).toBe('MODEL_DAMAGED')
    expect(grewBy).toBeLessThan(ALLOCATION_SLACK)
  })

  it('refuses a model.json of gigabytes unread', async () => {
    const { code, grewBy } = await measuredOutcome(await folder({ sparseManifest: 3 * 1024 ** 3 }))
    expect(code).toBe('MODEL_FOREIGN')
    expect(grewBy).toBeLessThan(ALLOCATION_SLACK)
  })

  it('refuses random bytes in place of either file, always with a model code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, asManifest) => {
        const dir = await folder(asManifest ? { manifest: bytes } : { weights: bytes })
        const code = await outcome(dir)
        expect(CODES).toContain(code)
      }),
      { numRuns: 60, timeout: 10_000 },
    )
  })

  it('refuses or loads any single-field mutation of model.json, never anything else', async () => {
    const leaves: Array<Array<string | number>> = []
    const visit = (value: unknown, at: Array<string | number>) => {
      if (value !== null && typeof value === 'object')
        for (const [key, item] of Object.entries(value))
          visit(item, [...at, Array.isArray(value) ? +key : key])
      else leaves.push(at)
    }
    visit(original.manifest, [])
    const hostile = fc.oneof(
      fc.constantFrom<unknown>(null, -1, 0, 1e9, 1e300, -1e300, '', 'x', [], {}, true, 2 ** 31, 0.5),
      fc.jsonValue({ maxDepth: 2 }),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...leaves), hostile, async (at, value) => {
        const manifest = structuredClone(original.manifest) as unknown as Record<string | number, unknown>
        let parent = manifest
        for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
        parent[at[at.length - 1]!] = value
        const result = await outcome(await folder({ manifest: JSON.stringify(manifest) }))
        expect(['loaded', ...CODES]).toContain(result)
      }),
      { numRuns: 150, timeout: 10_000 },
    )
  })
})
