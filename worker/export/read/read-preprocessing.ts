import type { LayerSpec } from '../../engine/index'
import type { CalendarFeature, ScalerJSON, TargetTransformJSON } from '../../statistics/index'
import { ModelFormatError, type CalibrationJSON } from '../../model-format/index'
import { CALENDAR_FEATURES, checkCombination, DEFAULT_TARGET_COLUMN } from '../../pipeline/index'
import type { CombinationWeights, TargetCompanions } from '../../pipeline/index'
import { checkFixedEts } from '../../statistics/ets/fixed-ets'
import { TARGET_MODES } from '../../pipeline/target-mode'
import { checkFixedTheta } from '../../statistics/baselines/fixed-theta'
import type { Frequency } from '../../timeseries/frequency'
import {
  PREPROCESSING_KEY,
  PREPROCESSING_VERSION,
  type ExportPreprocessing,
  type NamedScaler,
  type TargetDescription,
} from '../preprocessing'

/**
 * Reads the `lstm_studio.preprocessing` JSON back from an export. Version 1 lacked a few fields a
 * forecast needs; they get the values version 1's recipe implied (the whole residual correction,
 * no recorded dates or target name) and `layers`/`members` come from the network itself.
 * Versions 1 and 2 kept the first target apart; it joins the others in `targets`.
 */
export type ReadPreprocessing = Omit<ExportPreprocessing, 'version' | 'layers' | 'members'> & {
  version: 1 | 2 | typeof PREPROCESSING_VERSION
  /** Absent in version 1. */
  layers: LayerSpec[] | null
  members: number | null
}

type Json = Record<string, unknown>

function refuse(problem: string): never {
  throw new ModelFormatError('MODEL_DAMAGED', `The export's ${PREPROCESSING_KEY} is unusable: ${problem}.`)
}

function object(value: unknown, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) refuse(`${what} is not an object`)
  return value as Json
}

function integer(value: unknown, what: string, min: number): number {
  if (!Number.isInteger(value) || (value as number) < min) refuse(`${what} must be an integer ≥ ${min}`)
  return value as number
}

function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) refuse(`${what} must be a finite number`)
  return value
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T)) refuse(`${what} must be one of ${allowed.join(', ')}`)
  return value as T
}

function scaler(value: unknown, what: string): ScalerJSON {
  const s = object(value, what)
  const scale = finite(s.scale, `${what}.scale`)
  if (scale === 0) refuse(`${what}.scale is 0`)
  return {
    kind: oneOf(s.kind, ['zscore', 'minmax', 'none'] as const, `${what}.kind`),
    log: oneOf(s.log, ['none', 'log', 'log1p'] as const, `${what}.log`),
    shift: finite(s.shift, `${what}.shift`),
    scale,
  }
}

function namedScalers(value: unknown, what: string): NamedScaler[] {
  if (!Array.isArray(value)) refuse(`${what} is not a list`)
  return value.map((entry: unknown, i) => {
    const named = object(entry, `${what}[${i}]`)
    if (typeof named.name !== 'string' || named.name === '') refuse(`${what}[${i}].name is missing`)
    return { name: named.name, scaler: scaler(named.scaler, `${what}[${i}].scaler`) }
  })
}

function calibration(value: unknown, what = 'intervals'): CalibrationJSON {
  const c = object(value, what)
  const levels = Array.isArray(c.levels) ? c.levels.map((l: unknown) => finite(l, `${what}.levels`)) : []
  const horizon = integer(c.horizon, `${what}.horizon`, 0)
  const widths = object(c.halfWidths, `${what}.halfWidths`)
  const halfWidths: CalibrationJSON['halfWidths'] = {}
  for (const level of levels) {
    const row = widths[String(level)]
    if (!Array.isArray(row) || row.length !== horizon)
      refuse(`${what}.halfWidths.${level} needs ${horizon} values`)
    halfWidths[String(level)] = row.map((w: unknown) => (w === null ? null : finite(w, `${what}.halfWidths`)))
  }
  const counts = Array.isArray(c.counts) ? c.counts.map((n: unknown) => integer(n, `${what}.counts`, 0)) : []
  return { horizon, levels, counts, halfWidths }
}

function layers(value: unknown): LayerSpec[] {
  if (!Array.isArray(value) || value.length === 0) refuse('layers must list at least one layer')
  return value.map((entry: unknown, k) => {
    const layer = object(entry, `layers[${k}]`)
    return {
      cell: oneOf(layer.cell, ['lstm', 'gru', 'rnn'] as const, `layers[${k}].cell`),
      units: integer(layer.units, `layers[${k}].units`, 1),
      dropout: 0,
    }
  })
}

function frequency(value: unknown): Frequency | null {
  if (value === null || value === undefined) return null
  const f = object(value, 'frequency')
  if (typeof f.unit !== 'string') refuse('frequency.unit is missing')
  return { unit: f.unit as Frequency['unit'], step: integer(f.step, 'frequency.step', 1) }
}

function transform(value: unknown, what: string): TargetTransformJSON {
  const t = object(value, what)
  return {
    log: scaler(t.log, `${what}.log`),
    lag: integer(t.lag, `${what}.lag`, 0),
    scale: scaler(t.scale, `${what}.scale`),
  }
}

function targetList(value: unknown, what: string): TargetDescription[] {
  if (!Array.isArray(value)) refuse(`${what} is not a list`)
  return value.map((entry: unknown, i) => {
    const target = object(entry, `${what}[${i}]`)
    if (typeof target.name !== 'string' || target.name === '') refuse(`${what}[${i}].name is missing`)
    return {
      name: target.name,
      transform: transform(target.transform, `${what}[${i}].transform`),
      intervals: calibration(target.intervals, `${what}[${i}].intervals`),
      ...(target.companions === undefined
        ? {}
        : { companions: companions(target.companions, `${what}[${i}].companions`) }),
      ...(target.lowerBound === undefined
        ? {}
        : { lowerBound: finite(target.lowerBound, `${what}[${i}].lowerBound`) }),
      ...(target.etsBase === undefined
        ? {}
        : { etsBase: companion(target.etsBase, `${what}[${i}].etsBase`, checkFixedEts)! }),
    }
  })
}

/** One companion: null (not fitted) or a model its checker accepts. */
function companion<T>(value: unknown, what: string, check: (value: unknown) => asserts value is T): T | null {
  if (value === null) return null
  try {
    check(value)
  } catch (error) {
    refuse(`${what}: ${(error as Error).message}`)
  }
  return structuredClone(value)
}

function companions(value: unknown, what: string): TargetCompanions {
  const c = object(value, what)
  return {
    ets: companion(c.ets, `${what}.ets`, checkFixedEts),
    theta: companion(c.theta, `${what}.theta`, checkFixedTheta),
  }
}

/** The forecast's combination with classical companions (absent: the network alone). */
function combination(value: unknown): { combination?: CombinationWeights } {
  if (value === undefined) return {}
  const w = object(value, 'combination')
  const weights = {
    network: finite(w.network, 'combination.network'),
    ets: finite(w.ets, 'combination.ets'),
    theta: finite(w.theta, 'combination.theta'),
  }
  try {
    checkCombination(weights)
  } catch (error) {
    refuse((error as Error).message)
  }
  return { combination: weights }
}

function atLeastOne(targets: TargetDescription[]): TargetDescription[] {
  if (targets.length === 0) refuse('targets lists no target')
  return targets
}

function features(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((f: unknown) => typeof f !== 'string'))
    refuse('features must be a list of names')
  return value as string[]
}

/**
 * Versions 1 and 2: the first target's transform and intervals stood apart (`target`, `intervals`),
 * named by `targetName` (version 2, when known) and in the inputs as `target`; further targets
 * (absent before there could be several) followed in `extraTargets`.
 */
function targetsBeforeVersion3(p: Json, version: 1 | 2): Pick<ReadPreprocessing, 'targets' | 'features'> {
  const recorded = version === 2 && typeof p.targetName === 'string' && p.targetName !== ''
  const first = recorded ? (p.targetName as string) : DEFAULT_TARGET_COLUMN
  const rename = (feature: string) =>
    feature === 'target' || feature === 'target.seasonalDifference'
      ? feature.replace('target', `target.${first}`)
      : feature
  return {
    targets: [
      { name: first, transform: transform(p.target, 'target'), intervals: calibration(p.intervals) },
      ...(p.extraTargets === undefined ? [] : targetList(p.extraTargets, 'extraTargets')),
    ],
    features: features(p.features).map(rename),
  }
}

/** Calendar channels (absent before they existed: none). */
function calendar(value: unknown): CalendarFeature[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) refuse('calendar is not a list')
  return value.map((feature: unknown, i) => oneOf(feature, CALENDAR_FEATURES, `calendar[${i}]`))
}

/** Fields version 2 added; version 1 gets what its recipe implied. */
function versionTwoFields(p: Json, version: ReadPreprocessing['version']) {
  if (version === 1)
    return {
      residualWeight: 1,
      layers: null,
      members: null,
      frequency: null,
      lastTimestamp: null,
    }
  const residualWeight = finite(p.residualWeight, 'residualWeight')
  if (residualWeight < 0 || residualWeight > 1) refuse('residualWeight must be in [0, 1]')
  return {
    residualWeight,
    layers: layers(p.layers),
    members: integer(p.members, 'members', 1),
    frequency: frequency(p.frequency),
    lastTimestamp: p.lastTimestamp === null ? null : finite(p.lastTimestamp, 'lastTimestamp'),
  }
}

function readFields(value: unknown): ReadPreprocessing {
  const p = object(value, 'the description')
  const version = p.version
  if (version !== 1 && version !== 2 && version !== PREPROCESSING_VERSION)
    throw new ModelFormatError(
      'MODEL_TOO_NEW',
      `The export's ${PREPROCESSING_KEY} is version ${String(version)}; this version of LSTM Studio reads 1 to ${PREPROCESSING_VERSION}.`,
    )
  return {
    version,
    lookback: integer(p.lookback, 'lookback', 1),
    horizon: integer(p.horizon, 'horizon', 1),
    outputs: integer(p.outputs, 'outputs', 1),
    strategy: oneOf(p.strategy, ['direct', 'recursive'] as const, 'strategy'),
    targetMode: oneOf(p.targetMode, TARGET_MODES, 'targetMode'),
    period: integer(p.period, 'period', 1),
    ...(version === PREPROCESSING_VERSION
      ? { targets: atLeastOne(targetList(p.targets, 'targets')), features: features(p.features) }
      : targetsBeforeVersion3(p, version)),
    pastCovariates: namedScalers(p.pastCovariates, 'pastCovariates'),
    futureCovariates: namedScalers(p.futureCovariates, 'futureCovariates'),
    calendar: calendar(p.calendar),
    ...versionTwoFields(p, version),
    ...combination(p.combination),
  }
}

/** An ETS-residual model is unusable without the ETS model its network corrects. */
function checkEtsBases(read: ReadPreprocessing): ReadPreprocessing {
  if (read.targetMode !== 'etsResidual') return read
  const missing = read.targets.find((target) => target.etsBase === undefined)
  if (missing) refuse(`targetMode is etsResidual but target "${missing.name}" has no etsBase`)
  return read
}

export function readPreprocessing(value: unknown): ReadPreprocessing {
  return checkEtsBases(readFields(value))
}

/** The description as stored in a file (JSON text). */
export function parsePreprocessing(text: string): ReadPreprocessing {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    refuse('not valid JSON')
  }
  return readPreprocessing(value)
}
