import type { ModelSpec, ParamEntry } from '../engine/index'
import type { PipelineState } from '../pipeline/index'
import type { Frequency } from '../timeseries/frequency'

export const FORMAT_NAME = 'lstm-studio-native-model'
/** 2 lists every target alike (`pipeline.targets`, `calibrations`); 1 is still read (format-1.ts). */
export const FORMAT_VERSION = 2
export const FILES = {
  model: 'model.json',
  weights: 'weights.bin',
  metrics: 'metrics.json',
  training: 'training.json',
} as const

/** Beyond this a weights file is refused before anything is allocated (≈ 1 GB of float32). */
export const MAX_WEIGHTS = 256 * 1024 * 1024

/** Conformal half-widths; JSON has no Infinity, so an unbounded width is stored as null. */
export interface CalibrationJSON {
  horizon: number
  counts: number[]
  levels: number[]
  halfWidths: Record<string, (number | null)[]>
}

/** model.json */
export interface ModelManifest {
  format: typeof FORMAT_NAME
  version: number
  /** `members` networks of this spec and layout, stored back to back (an averaged ensemble). */
  engine: { spec: ModelSpec; layout: ParamEntry[]; members: number }
  weights: { file: string; dtype: 'float32-le'; count: number; bytes: number; fnv1a32: string }
  pipeline: PipelineState
  lookback: number
  horizon: number
  strategy: string
  targetMode: string
  features: string[]
  frequency: Frequency | null
  /** Timestamp of the last observation seen while training (epoch ms), for date continuity checks. */
  lastTimestamp: number | null
  /** Each target's conformal half-widths, in pipeline.targets order. */
  calibrations: CalibrationJSON[]
}

/** FNV-1a 32-bit over the bytes: cheap, and catches truncation-free corruption of weights.bin. */
export function fnv1a32(bytes: Uint8Array): string {
  return fnvHex(fnv1a32Update(FNV_OFFSET, bytes))
}

export const FNV_OFFSET = 0x811c9dc5

/** One more chunk into a running FNV-1a hash, so a large file can be checked without holding it whole. */
export function fnv1a32Update(hash: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

export function fnvHex(hash: number): string {
  return hash.toString(16).padStart(8, '0')
}
