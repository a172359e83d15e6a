import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { paramLayout } from '../../../worker/engine/layout'
import type { OptimizerConfig } from '../../../worker/engine/optimizers'
import type { CellType, LossKind, ModelSpec } from '../../../worker/engine/types'

type Nested = number | Nested[]

interface FixtureParams {
  layers: { W_ih: Nested; W_hh: Nested; b_ih: Nested; b_hh: Nested }[]
  head: { W: Nested; b: Nested }
}

/** A `recurrent-parity/1` file written by the PyTorch reference script. */
export interface ParityFixture {
  format: string
  name: string
  cell: CellType
  inputSize: number
  hiddenSize: number
  numLayers: number
  outputSize: number
  batch: number
  seqLen: number
  loss: LossKind
  params: FixtureParams
  x: Nested
  y: Nested
  expected: { hiddenSeqTop: Nested; output: Nested; loss: number; grads: FixtureParams }
  training: {
    steps: number
    optimizer: { name: string; lr: number; [key: string]: unknown }
    clipGlobalNorm: number | null
    lossesBeforeEachStep: number[]
    paramsAfter: FixtureParams
  }
}

export const BUNDLED_FIXTURES = resolve(__dirname, '../../fixtures/torch')

/** Every fixture of the bundled folder plus the folder named by LSTM_PARITY_FIXTURES, if any. */
export function parityFixturePaths(): string[] {
  const folders = [BUNDLED_FIXTURES]
  const extra = process.env.LSTM_PARITY_FIXTURES
  if (extra) folders.push(resolve(extra))
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => join(folder, file)),
  )
}

export function loadFixture(path: string): ParityFixture {
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as ParityFixture
  if (fixture.format !== 'recurrent-parity/1') throw new Error(`${path}: unexpected format ${fixture.format}`)
  return fixture
}

export function flatten(values: Nested): number[] {
  return Array.isArray(values) ? values.flatMap(flatten) : [values]
}

export function fixtureSpec(fixture: ParityFixture): ModelSpec {
  return {
    inputSize: fixture.inputSize,
    outputSize: fixture.outputSize,
    layers: Array.from({ length: fixture.numLayers }, () => ({
      cell: fixture.cell,
      units: fixture.hiddenSize,
      dropout: 0,
    })),
  }
}

/** Flattens fixture tensors into the engine's single-array layout, in layout order. */
export function fixtureParamsToFlat(spec: ModelSpec, params: FixtureParams): number[] {
  return paramLayout(spec).flatMap((entry) => {
    const [group, index, name] = entry.name.split('.')
    const tensor =
      group === 'head'
        ? params.head[index as 'W' | 'b']
        : params.layers[Number(index)][name as 'W_ih' | 'W_hh' | 'b_ih' | 'b_hh']
    const values = flatten(tensor)
    if (values.length !== entry.size) throw new Error(`${entry.name}: fixture has ${values.length} values`)
    return values
  })
}

const OPTIMIZER_FIELDS = new Set([
  'lr',
  'momentum',
  'dampening',
  'nesterov',
  'weightDecay',
  'beta1',
  'beta2',
  'eps',
])

/** Maps the fixture's optimizer block onto the engine's config (field names as the script writes them). */
export function fixtureOptimizer(fixture: ParityFixture): OptimizerConfig {
  const { name, ...rest } = fixture.training.optimizer
  if (name !== 'sgd' && name !== 'adam' && name !== 'adamw') throw new Error(`unknown optimizer ${name}`)
  // Refuse fields we would silently ignore (e.g. a future `amsgrad`), so parity cannot pass by accident.
  const unknown = Object.keys(rest).filter((key) => !OPTIMIZER_FIELDS.has(key))
  if (unknown.length > 0)
    throw new Error(`${fixture.name}: unsupported optimizer fields ${unknown.join(', ')}`)
  return { name, ...rest } as OptimizerConfig
}

/**
 * Relative error of one value: |actual − expected| / max(|expected|, 1e-3·maxAbs(tensor), 1e-8).
 * The floor stops near-zero entries of a tensor (where summation order dominates) from
 * dominating; 1e-8 covers all-zero tensors.
 */
export function worstRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity
  let scale = 0
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]))
  let worst = 0
  for (let i = 0; i < expected.length; i++) {
    const denominator = Math.max(Math.abs(expected[i]), 1e-3 * scale, 1e-8)
    const error = Math.abs(actual[i] - expected[i]) / denominator
    worst = Math.max(worst, Number.isNaN(error) ? Infinity : error)
  }
  return worst
}
